import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';

/** Paths that never fall back to the editor: unknown ones there are coded 404s. */
export function isServerPath(url: string): boolean {
  return /^\/(api|webhooks|metrics|healthz)(\/|\?|$)/.test(url);
}

/**
 * Serves the built editor (dist/editor) at /. Hashed assets are cached for good; index.html
 * never is, so a new build is picked up on reload. Unknown page paths get index.html (the
 * app's not-found handler calls `reply.sendFile`), since the editor routes on the client.
 */
export const editorPlugin = fp(async (app: FastifyInstance, options: { root: string }) => {
  await app.register(fastifyStatic, {
    root: options.root,
    wildcard: false,
    setHeaders(reply, path) {
      reply.header('cache-control', path.includes('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache');
    },
  });
}, { name: 'charla-editor' });
