// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import type { FlowDocument } from '../../schema/index.ts';
import type { InboundMessage, SimulationStart, SimulationTurn, VersionSummary } from '../api/types.ts';
import { createAutosave } from '../autosave/autosave.ts';
import { useLocale } from '../i18n/index.ts';
import { createEditorStore, EditorStoreProvider } from '../store/index.ts';
import { SimulatorPanel } from './simulator-panel.tsx';
import { VersionViewBanner, type VersionView } from './version-view.tsx';

afterEach(cleanup);
beforeEach(() => useLocale.getState().setLocale('es'));

const message = (id: string, text: string) => ({ id, type: 'message' as const, position: { x: 0, y: 0 }, data: { text } });
const draft: FlowDocument = { schemaVersion: 1, id: 'demo', name: 'Demo', startNodeId: 'hola', nodes: [message('hola', 'Hola, borrador')], edges: [] };
// Version 1 starts on a node the draft no longer has.
const version1: FlowDocument = { ...draft, startNodeId: 'bienvenida', nodes: [message('bienvenida', 'Bienvenido (v1)')] };

function fakeApi(draft: FlowDocument) {
  const started: Array<'draft' | number> = [];
  const sent: InboundMessage[] = [];
  const api = {
    async listVersions(): Promise<VersionSummary[]> {
      return [{ version: 1, contentHash: 'h', author: 'admin', note: null, createdAt: 0, live: true }];
    },
    async getVersion(_id: string, version: number) {
      if (version !== 1) throw new Error('no such version');
      return version1;
    },
    async startSimulation(_id: string, source: 'draft' | number): Promise<SimulationStart> {
      started.push(source);
      const document = source === 'draft' ? draft : version1;
      return { simulationId: `sim-${started.length}`, flowId: 'demo', source, messages: [{ type: 'text', text: { body: (document.nodes[0]!.data as { text: string }).text } }], activeNodeId: document.startNodeId, variables: {}, status: 'active', clock: 0, timers: [] };
    },
    async sendSimulationMessage(_id: string, message: InboundMessage): Promise<SimulationTurn> {
      sent.push(message);
      // The bot stays where it started (the start node of what is simulated).
      const document = started.at(-1) === 'draft' ? draft : version1;
      return { messages: [], activeNodeId: document.startNodeId, variables: {}, status: 'active', fired: [], clock: 0, timers: [], undelivered: [], adaptations: [], trace: [], effects: [] };
    },
    async resolveSimulation(): Promise<SimulationTurn> { throw new Error('unused'); },
    async advanceSimulation(): Promise<SimulationTurn> { throw new Error('unused'); },
  };
  return { api, started, sent };
}

function renderPanel({ readOnly = false, document = draft } = {}) {
  const store = createEditorStore({ document, revision: 3, readOnly });
  const puts: unknown[] = [];
  const autosave = createAutosave({ store, flowId: 'demo', api: { saveFlow: async (...args) => { puts.push(args); return { id: 'demo', revision: 4, problems: [], problemCounts: [] }; }, getFlow: async () => { throw new Error('unused'); } } });
  const stopAutosave = autosave.start();
  const { api, started, sent } = fakeApi(document);
  const views: Array<VersionView | null> = [];
  const view = render(<EditorStoreProvider store={store}>
    <SimulatorPanel api={api} flowId="demo" flowName="Demo" saveDraft={() => autosave.flush()} onVersionView={(shown) => views.push(shown)} />
  </EditorStoreProvider>);
  return { store, autosave, stopAutosave, puts, started, sent, views, unmount: view.unmount };
}

describe('simulator panel', () => {
  it('starts the same way for every role: the start button and the hint that the customer writes first', () => {
    const screens = [false, true].map((readOnly) => {
      const { unmount } = renderPanel({ readOnly }); // an admin or analyst edits; a tester's canvas is read-only
      expect(screen.getByTestId('sim-start').textContent).toBe('Iniciar conversación');
      expect(screen.getByTestId('sim-start-hint').textContent).toBe('El primer mensaje del cliente (se envía al iniciar):');
      expect((screen.getByTestId('sim-first-message') as HTMLInputElement).value).toBe('hola');
      const html = screen.getByTestId('sim-start-screen').outerHTML;
      unmount();
      return html;
    });
    expect(screens[0]).toBe(screens[1]);
  });

  it('offers "Iniciar conversación" once, which sends the customer\'s first message too; once started, the header offers a restart', async () => {
    const { sent } = renderPanel();
    expect(screen.getAllByText('Iniciar conversación')).toHaveLength(1);
    expect(screen.queryByTestId('sim-restart')).toBeNull();
    fireEvent.click(screen.getByTestId('sim-start'));
    await screen.findByText('Hola, borrador');
    await waitFor(() => expect(sent).toEqual([{ type: 'text', text: { body: 'hola' } }]));
    expect(screen.getByRole('log').getAttribute('aria-live')).toBe('polite');
    expect(screen.queryByText('Iniciar conversación')).toBeNull();
    expect(screen.getByTestId('sim-restart').textContent).toBe('Reiniciar');
  });

  it('can start by only opening the chat (request_welcome), as a customer who writes nothing', async () => {
    const { sent } = renderPanel();
    expect(screen.getByTestId('sim-open-chat').textContent).toBe('◎ Abrir el chat sin escribir');
    fireEvent.click(screen.getByTestId('sim-open-chat'));
    await waitFor(() => expect(sent).toEqual([{ type: 'request_welcome' }]));
    expect(await screen.findByTestId('sim-event')).toBeTruthy();
  });

  it('runs a version on a read-only canvas of its own: the draft, its history and autosave never see it', async () => {
    const { store, autosave, stopAutosave, puts, started, views, unmount } = renderPanel();
    const before = { document: store.getState().document, documentVersion: store.getState().documentVersion };
    await waitFor(() => expect(screen.getAllByRole('option')).toHaveLength(2));
    fireEvent.change(screen.getByTestId('sim-source'), { target: { value: '1' } });
    await screen.findByText('Bienvenido (v1)');
    expect(started).toEqual([1]);

    const shown = views.at(-1)!;
    expect(shown.version).toBe(1);
    expect(shown.store.getState().document).toEqual(version1);
    expect(shown.store.getState().readOnly).toBe(true);
    expect(shown.store.getState().highlightedNodeId).toBe('bienvenida'); // lit on the version…
    expect(store.getState().highlightedNodeId).toBeNull(); // …never on the draft, which has no such node
    shown.store.getState().addNode('message', { x: 0, y: 0 });
    expect(shown.store.getState().document.nodes).toHaveLength(1); // read-only

    expect(store.getState().document).toBe(before.document);
    expect(store.getState().documentVersion).toBe(before.documentVersion);
    expect(store.getState().past).toEqual([]);
    expect(autosave.isDirty()).toBe(false);
    expect(puts).toEqual([]);

    render(<VersionViewBanner view={shown} />);
    expect(screen.getByTestId('sim-version-banner').textContent).toBe('Simulando la versión 1 (solo lectura)');

    fireEvent.change(screen.getByTestId('sim-source'), { target: { value: 'draft' } });
    await screen.findByText('Hola, borrador');
    expect(views.at(-1)).toBeNull(); // the draft is back on the canvas
    expect(store.getState().highlightedNodeId).toBe('hola');

    fireEvent.change(screen.getByTestId('sim-source'), { target: { value: '1' } });
    await screen.findByText('Bienvenido (v1)');
    expect(views.at(-1)?.version).toBe(1);
    act(() => unmount());
    expect(views.at(-1)).toBeNull(); // closing the simulator brings the draft back
    expect(store.getState().document).toBe(before.document);
    stopAutosave();
  });
  it('gathers typed fragments as live does (burstMilliseconds): one message with the texts joined, marked in the chat; a tap sends the burst first', async () => {
    const { sent } = renderPanel({ document: { ...draft, settings: { burstMilliseconds: 300 } } });
    fireEvent.click(screen.getByTestId('sim-start'));
    await waitFor(() => expect(sent).toEqual([{ type: 'text', text: { body: 'hola' } }]));
    const type = (text: string) => {
      fireEvent.change(screen.getByTestId('sim-input'), { target: { value: text } });
      fireEvent.click(screen.getByTestId('sim-send'));
    };
    await waitFor(() => expect((screen.getByTestId('sim-input') as HTMLInputElement).disabled).toBe(false));
    for (const fragment of ['quiero', 'una pizza', 'grande']) type(fragment);
    // Shown at once with one tick, nothing sent yet.
    expect(screen.getAllByTestId('sim-user-message').filter((bubble) => bubble.dataset.gathering === 'true')).toHaveLength(3);
    expect(sent).toHaveLength(1);
    await waitFor(() => expect(sent).toHaveLength(2));
    expect(sent[1]).toEqual({ type: 'text', text: { body: 'quiero\nuna pizza\ngrande' } });
    const marker = await screen.findByTestId('sim-burst');
    expect(marker.textContent).toBe('↑ 3 mensajes juntados en un turno');
    expect(marker.dataset.count).toBe('3');
    expect(screen.getAllByTestId('sim-user-message').filter((bubble) => bubble.dataset.gathering === 'true')).toHaveLength(0);

    // A location cannot join a burst: the fragment before it is sent first, alone, then the location.
    await waitFor(() => expect((screen.getByTestId('sim-attach') as HTMLButtonElement).disabled).toBe(false));
    type('dos');
    fireEvent.click(screen.getByTestId('sim-attach'));
    fireEvent.click(screen.getByTestId('sim-attach-location'));
    await waitFor(() => expect(sent).toHaveLength(4));
    expect(sent[2]).toEqual({ type: 'text', text: { body: 'dos' } });
    expect(sent[3]!.type).toBe('location');
    expect(screen.getAllByTestId('sim-burst')).toHaveLength(1);
  });
});
