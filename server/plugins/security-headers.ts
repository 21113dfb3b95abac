import helmet from '@fastify/helmet';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';

/**
 * Security headers on every answer (API JSON, coded errors, the webhook's text/plain challenge and
 * the editor's files): nosniff, frame and referrer policies, and a Content-Security-Policy that lets
 * the built editor run only its own scripts. Helmet's defaults hold, except that requests are not
 * upgraded to https: Charla may be served over plain HTTP on a private network, where the upgrade
 * would break every asset (TLS is the reverse proxy's job).
 */
export const securityHeadersPlugin = fp(async (app: FastifyInstance) => {
  await app.register(helmet, {
    global: true,
    contentSecurityPolicy: { directives: { upgradeInsecureRequests: null } },
  });
}, { name: 'charla-security-headers' });
