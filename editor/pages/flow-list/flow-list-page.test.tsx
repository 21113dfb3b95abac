// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import type { FlowSummary } from '../../api/types.ts';
import { useSession } from '../../app/session.ts';
import { useLocale } from '../../i18n/index.ts';
import { FlowListPage } from '../flow-list-page.tsx';

/**
 * A stand-in for the flows API, answering the editor's real client through `fetch` (installed
 * before the client module captures it). The server's own behaviour is tested with app.inject.
 */
const server = vi.hoisted(() => {
  const state = {
    flows: [] as Array<FlowSummary & { document: Record<string, unknown> }>,
    requests: [] as Array<{ method: string; path: string; body?: unknown }>,
    /** Flows published by someone else after the list was loaded. */
    publishedMeanwhile: new Set<string>(),
  };
  const json = (status: number, body?: unknown) => new Response(body === undefined ? null : JSON.stringify(body), { status });
  globalThis.fetch = async (input, init) => {
    const path = String(input);
    const method = init?.method ?? 'GET';
    const body = typeof init?.body === 'string' ? JSON.parse(init.body) as Record<string, unknown> : undefined;
    state.requests.push({ method, path, body });
    const summary = ({ document: _document, ...rest }: (typeof state.flows)[number]) => rest;
    const id = decodeURIComponent(/^\/api\/flows\/([^/?]+)/.exec(path)?.[1] ?? '');
    const flow = state.flows.find((candidate) => candidate.id === id);
    if (method === 'GET' && path === '/api/flows') return json(200, state.flows.map(summary));
    if (method === 'POST' && path === '/api/flows') {
      if (state.flows.some((candidate) => candidate.id === body!.id)) return json(409, { code: 'flow_exists', message: `Flow "${String(body!.id)}" exists` });
      state.flows.push({ id: String(body!.id), name: String(body!.name), revision: 1, liveVersion: null, updatedAt: Date.now(), updatedBy: 'Ana', document: body! });
      return json(201, { id: body!.id, revision: 1, problems: [] });
    }
    if (!flow) return json(404, { code: 'flow_not_found', message: `No flow "${id}"` });
    if (method === 'GET' && path.includes('/diff')) return json(200, { fields: [], nodes: { added: [], removed: [], changed: [] }, edges: { added: [], removed: [], changed: [] } });
    if (method === 'GET') return json(200, { ...summary(flow), document: flow.document, problems: [] });
    if (method === 'DELETE') {
      if (flow.liveVersion !== null || state.publishedMeanwhile.has(id)) {
        return json(409, { code: 'flow_published', message: `"${id}" is published: published flows keep their version history and cannot be deleted` });
      }
      state.flows = state.flows.filter((candidate) => candidate !== flow);
      return json(204);
    }
    return json(405, { code: 'bad_request', message: `${method} ${path}` });
  };
  return state;
});

const bancoDocument = { schemaVersion: 1, id: 'banco-saldo', name: 'Banco saldo', language: 'es', startNodeId: 'a', nodes: [], edges: [] };

beforeEach(() => {
  useLocale.getState().setLocale('es');
  useSession.setState({ status: 'signed-in', me: { name: 'Ana', role: 'admin' } });
  window.location.hash = '#/';
  server.requests = [];
  server.publishedMeanwhile.clear();
  server.flows = [
    { id: 'banco-saldo', name: 'Banco saldo', revision: 3, liveVersion: 2, updatedAt: Date.now() - 2 * 3_600_000, updatedBy: 'Ana', document: bancoDocument },
    { id: 'borrador', name: 'Borrador', revision: 1, liveVersion: null, updatedAt: Date.now() - 5 * 60_000, updatedBy: null, document: { ...bancoDocument, id: 'borrador', name: 'Borrador' } },
  ];
});
afterEach(cleanup);

const created = () => server.requests.filter((request) => request.method === 'POST').map((request) => request.body as FlowSummary);

async function renderPage() {
  render(<FlowListPage />);
  return screen.findByTestId('flow-row-banco-saldo');
}

async function importFile(contents: string, name = 'banco-saldo.json') {
  const input = screen.getByTestId('flow-import-input') as HTMLInputElement;
  // jsdom's File has no text(): hand the page what a browser's File offers it.
  Object.defineProperty(input, 'files', { value: [{ name, text: async () => contents }], configurable: true });
  await act(async () => { fireEvent.change(input); });
}

describe('flow list page', () => {
  it('finds flows by name or id, accents and case aside, newest edit first, with when and by whom', async () => {
    server.flows.push({ id: 'pizzeria', name: 'Pizzería Don Luigi', revision: 1, liveVersion: null, updatedAt: Date.now() - 3 * 86_400_000, updatedBy: 'Laura', document: bancoDocument });
    await renderPage();
    expect(screen.getAllByTestId(/^flow-row-/).map((row) => row.dataset.testid)).toEqual(['flow-row-borrador', 'flow-row-banco-saldo', 'flow-row-pizzeria']);
    expect(within(screen.getByTestId('flow-row-banco-saldo')).getByTestId('flow-edited').textContent).toBe('hace 2 hpor Ana');
    expect(within(screen.getByTestId('flow-row-borrador')).getByTestId('flow-edited').textContent).toBe('hace 5 min');
    fireEvent.change(screen.getByTestId('flow-search'), { target: { value: 'PIZZERIA luigi' } });
    expect(screen.getAllByTestId(/^flow-row-/).map((row) => row.dataset.testid)).toEqual(['flow-row-pizzeria']);
    fireEvent.change(screen.getByTestId('flow-search'), { target: { value: 'saldo' } });
    expect(screen.getAllByTestId(/^flow-row-/).map((row) => row.dataset.testid)).toEqual(['flow-row-banco-saldo']);
    fireEvent.change(screen.getByTestId('flow-search'), { target: { value: 'turnos' } });
    expect(screen.getByTestId('flow-search-empty').textContent).toBe('Ningún flujo coincide con «turnos».');
  });

  it('imports a file whose id exists as a distinct flow: id in the same style, "(importado)" name', async () => {
    await renderPage();
    await importFile(JSON.stringify(bancoDocument));
    await screen.findByTestId('flow-row-banco-saldo-2');
    expect(created()).toEqual([expect.objectContaining({ id: 'banco-saldo-2', name: 'Banco saldo (importado)' })]);
    expect(screen.getByTestId('flow-list-notice').textContent).toBe('Importado como «Banco saldo (importado)» (banco-saldo-2).');
    await importFile(JSON.stringify(bancoDocument));
    await screen.findByTestId('flow-row-banco-saldo-3');
    expect(created()[1]).toMatchObject({ id: 'banco-saldo-3', name: 'Banco saldo (importado 2)' });
  });

  it('duplicates with the original id style and a localized "(copy)" name', async () => {
    useLocale.getState().setLocale('en');
    const row = await renderPage();
    fireEvent.click(within(row).getByTestId('flow-duplicate'));
    await screen.findByTestId('flow-row-banco-saldo-2');
    expect(created()).toEqual([expect.objectContaining({ id: 'banco-saldo-2', name: 'Banco saldo (copy)' })]);
    expect(window.location.hash).toBe('#/');
  });

  it('offers no delete for a published flow, and says why', async () => {
    const row = await renderPage();
    const remove = within(row).getByTestId('flow-delete') as HTMLButtonElement;
    expect(remove.disabled).toBe(true);
    expect(remove.title).toBe('Los flujos publicados conservan su historial de versiones y no se pueden eliminar.');
    const draft = within(screen.getByTestId('flow-row-borrador')).getByTestId('flow-delete') as HTMLButtonElement;
    expect(draft.disabled).toBe(false);
    expect(draft.title).toBe('');
  });

  it('deletes a draft after a confirmation that promises nothing about versions', async () => {
    await renderPage();
    fireEvent.click(within(screen.getByTestId('flow-row-borrador')).getByTestId('flow-delete'));
    const dialog = screen.getByTestId('delete-flow-dialog');
    expect(dialog.textContent).toContain('¿Eliminar el borrador «Borrador»? Nunca se publicó');
    expect(dialog.textContent).not.toContain('versiones');
    fireEvent.click(within(dialog).getByTestId('delete-flow-confirm'));
    await waitFor(() => expect(screen.queryByTestId('flow-row-borrador')).toBeNull());
    expect(server.requests).toContainEqual(expect.objectContaining({ method: 'DELETE', path: '/api/flows/borrador' }));
  });

  it('explains in the page language when the flow was published before the delete arrived', async () => {
    useLocale.getState().setLocale('pt');
    server.publishedMeanwhile.add('borrador');
    await renderPage();
    fireEvent.click(within(screen.getByTestId('flow-row-borrador')).getByTestId('flow-delete'));
    fireEvent.click(screen.getByTestId('delete-flow-confirm'));
    await waitFor(() => expect(screen.getByTestId('flow-list-notice').textContent)
      .toBe('Um fluxo publicado mantém o histórico de versões e não pode ser excluído.'));
  });

  it('opens a flow from anywhere on its row, by click or by Enter, but not from its buttons', async () => {
    const row = await renderPage();
    fireEvent.click(within(row).getByText('banco-saldo'));
    expect(window.location.hash).toBe('#/flows/banco-saldo');
    window.location.hash = '#/';
    const draft = screen.getByTestId('flow-row-borrador');
    draft.focus();
    expect(document.activeElement).toBe(draft);
    fireEvent.keyDown(draft, { key: 'Enter' });
    expect(window.location.hash).toBe('#/flows/borrador');
    window.location.hash = '#/';
    fireEvent.click(within(draft).getByTestId('flow-delete'));
    expect(window.location.hash).toBe('#/');
    expect(screen.getByTestId('delete-flow-dialog')).toBeTruthy();
  });
});
