import { useSyncExternalStore } from 'react';

/**
 * The shell's pages, addressed by the URL hash (`#/flows/pizzeria`), so the server only has to
 * serve index.html at `/` and a reload keeps the page. Hand-written: a handful of routes need no library.
 */
export type Route =
  | { page: 'flows' }
  | { page: 'editor'; flowId: string }
  /** The canvas in analytics mode: a version's counts on its nodes and edges. */
  | { page: 'flow-analytics'; flowId: string }
  /** The plots of one flow (the first one when none is named). */
  | { page: 'dashboard'; flowId?: string }
  /** Conversation history, filtered by the query after `?` (`#/history?outcome=handoff`). */
  | { page: 'history'; filter: Record<string, string> }
  | { page: 'run'; runId: number }
  | { page: 'inbox' }
  | { page: 'settings' };

export function parseRoute(hash: string): Route {
  const [rawPath = '', search = ''] = hash.replace(/^#/, '').split('?');
  const path = rawPath.replace(/\/+$/, '');
  const editor = /^\/flows\/([^/]+)(\/analytics)?$/.exec(path);
  if (editor?.[1]) return { page: editor[2] ? 'flow-analytics' : 'editor', flowId: decodeURIComponent(editor[1]) };
  const dashboard = /^\/analytics(?:\/([^/]+))?$/.exec(path);
  if (dashboard) return dashboard[1] ? { page: 'dashboard', flowId: decodeURIComponent(dashboard[1]) } : { page: 'dashboard' };
  if (path === '/history') return { page: 'history', filter: Object.fromEntries(new URLSearchParams(search)) };
  const run = /^\/history\/(\d+)$/.exec(path);
  if (run?.[1]) return { page: 'run', runId: Number(run[1]) };
  if (path === '/inbox') return { page: 'inbox' };
  if (path === '/settings') return { page: 'settings' };
  return { page: 'flows' };
}

export function routeHref(route: Route): string {
  switch (route.page) {
    case 'flows': return '#/';
    case 'editor': return `#/flows/${encodeURIComponent(route.flowId)}`;
    case 'flow-analytics': return `#/flows/${encodeURIComponent(route.flowId)}/analytics`;
    case 'dashboard': return route.flowId === undefined ? '#/analytics' : `#/analytics/${encodeURIComponent(route.flowId)}`;
    case 'history': {
      const search = new URLSearchParams(Object.entries(route.filter).filter(([, value]) => value !== '')).toString();
      return search === '' ? '#/history' : `#/history?${search}`;
    }
    case 'run': return `#/history/${route.runId}`;
    case 'inbox': return '#/inbox';
    case 'settings': return '#/settings';
    default: {
      const unreachable: never = route;
      return unreachable;
    }
  }
}

export function navigate(route: Route): void {
  window.location.hash = routeHref(route);
}

function subscribe(onChange: () => void): () => void {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
}

let lastHash: string | null = null;
let lastRoute: Route = { page: 'flows' };

/** The current route; re-renders on navigation. */
export function useRoute(): Route {
  return useSyncExternalStore(subscribe, () => {
    // The same object while the hash is unchanged, as useSyncExternalStore requires.
    if (window.location.hash !== lastHash) {
      lastHash = window.location.hash;
      lastRoute = parseRoute(lastHash);
    }
    return lastRoute;
  });
}
