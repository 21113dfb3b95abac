import { readFileSync } from 'node:fs';
import type { FlowDocument } from '../../schema/index.ts';
import { dropRate } from '../canvas/NodeOverlay.tsx';
import { createEditorStore } from './index.ts';

const tienda = JSON.parse(readFileSync(new URL('../../server/plugins/analytics/testdata/tienda.json', import.meta.url), 'utf8')) as FlowDocument;

describe('canvas overlays in the store', () => {
  it('lights the nodes of a path and each edge taken from one to the next, and clears them', () => {
    const store = createEditorStore({ document: tienda, readOnly: true });
    store.getState().setLitPath(['hola', 'menu', 'humano', 'fin']);
    expect(store.getState().litPath).toEqual({ nodes: ['hola', 'menu', 'humano', 'fin'], edges: ['e-hola', 'e-asesor', 'e-menu-invalido', 'e-humano'] });
    store.getState().setLitPath(null);
    expect(store.getState().litPath).toBeNull();
  });

  it('keeps analytics figures as view state: the document, its history and dirtiness never see them', () => {
    const store = createEditorStore({ document: tienda, readOnly: true });
    const before = store.getState().documentVersion;
    store.getState().setAnalytics({ hola: { entered: 4, exits: { next: 4 }, dropped: 1, queued: 4, sent: 4, delivered: 3, read: 2, failed: 1 } });
    expect(store.getState().analytics?.hola?.exits.next).toBe(4);
    expect(store.getState().documentVersion).toBe(before);
    expect(store.getState().past).toEqual([]);
    expect(dropRate({ entered: 4, dropped: 1 })).toBe(0.25);
    expect(dropRate({ entered: 0, dropped: 0 })).toBe(0);
  });
});
