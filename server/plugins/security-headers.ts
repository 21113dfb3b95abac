import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import helmet from 'helmet';

/**
 * Security headers on every answer (API JSON, coded errors, the webhook's text/plain challenge and
 * the editor's files): nosniff, frame and referrer policies, and a Content-Security-Policy that lets
 * the built editor run only its own scripts. Helmet's defaults hold, except that requests are not
 * upgraded to https: Charla may be served over plain HTTP on a private network, where the upgrade
 * would break every asset (TLS is the reverse proxy's job). Helmet itself, built once: the Fastify
 * wrapper (@fastify/helmet) built it again on every request, parsing the policy each time, which was
 * about 4% of the webhook's CPU (docs/performance.md).
 */
export const securityHeadersPlugin = fp(async (app: FastifyInstance) => {
  const setHeaders = helmet({ contentSecurityPolicy: { directives: { upgradeInsecureRequests: null } } });
  // Helmet throws its errors (a bad option) rather than passing them on: `next` is only ever called plain.
  app.addHook('onRequest', (request, reply, done) => setHeaders(request.raw, reply.raw, () => done()));
}, { name: 'charla-security-headers' });
