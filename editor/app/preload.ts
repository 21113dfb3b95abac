import type { FlowDraft } from '../api/types.ts';
import { api } from './api.ts';
import { parseRoute } from './router.ts';
import { tokenStorage } from './token-storage.ts';

/** The flow editor's chunk (React Flow, inspector, simulator): loaded once, on demand or ahead. */
export const loadFlowEditorPage = () => import('../pages/flow-editor-page.tsx');

const drafts = new Map<string, Promise<FlowDraft>>();

/**
 * Starts what the first page will need while the token is being checked: the editor chunk, and the
 * draft when the URL opens a flow. Without this they would wait for `/api/me`, one after the other.
 */
export function preloadForStart(hash: string): void {
  if (!tokenStorage.read()) return;
  void loadFlowEditorPage().catch(() => undefined);
  const route = parseRoute(hash);
  if (route.page === 'editor') {
    const draft = api.getFlow(route.flowId);
    draft.catch(() => undefined);
    drafts.set(route.flowId, draft);
  }
}

/** The draft fetched ahead for this flow (once; a failed one, say before signing in, is asked again), else a fresh request. */
export function fetchDraft(flowId: string): Promise<FlowDraft> {
  const early = drafts.get(flowId);
  drafts.delete(flowId);
  return early ? early.catch(() => api.getFlow(flowId)) : api.getFlow(flowId);
}
