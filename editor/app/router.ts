import { useSyncExternalStore } from 'react';

/**
 * The shell's pages, addressed by the URL hash (`#/flows/pizzeria`), so the server only has to
 * serve index.html at `/` and a reload keeps the page. Hand-written: four routes need no library.
 */
export type Route =
  | { page: 'flows' }
  | { page: 'editor'; flowId: string }
  | { page: 'inbox' }
  | { page: 'settings' };

export function parseRoute(hash: string): Route {
  const path = hash.replace(/^#/, '').replace(/\/+$/, '');
  const editor = /^\/flows\/([^/]+)$/.exec(path);
  if (editor?.[1]) return { page: 'editor', flowId: decodeURIComponent(editor[1]) };
  if (path === '/inbox') return { page: 'inbox' };
  if (path === '/settings') return { page: 'settings' };
  return { page: 'flows' };
}

export function routeHref(route: Route): string {
  switch (route.page) {
    case 'flows': return '#/';
    case 'editor': return `#/flows/${encodeURIComponent(route.flowId)}`;
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
