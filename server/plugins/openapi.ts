import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import fp from 'fastify-plugin';
import { API_REFERENCE_PATH, openApiDocument } from '../../schema/api/operations.ts';

/** The document's header; the paths come from every route's schema in schema/api/. */
const DOCUMENT_HEADER = {
  openapi: '3.1.0',
  info: {
    title: 'Charla HTTP API',
    version: '1',
    description: 'The API the editor uses, and what operators and Meta call. Errors are `{ code, message, ...details }` '
      + 'with a code from one catalogue (schema/api/errors.ts). See docs/api.md.',
  },
  components: {
    securitySchemes: {
      bearerAuth: { type: 'http', scheme: 'bearer', description: 'CHARLA_ADMIN_TOKEN or an API token (POST /api/tokens)' },
    },
  },
} as const;

/**
 * The OpenAPI 3.1 document generated from the routes (@fastify/swagger collects every route's schema
 * as it is registered, so this plugin is registered before the routes), served at
 * GET /api/openapi.json, and the reference page rendered from it at /api/docs (@fastify/swagger-ui,
 * whose assets ship in the package: it works offline).
 */
export const openApiPlugin = fp<Record<never, never>>(async (app) => {
  await app.register(fastifySwagger, { openapi: DOCUMENT_HEADER });
  await app.register(fastifySwaggerUi, { routePrefix: API_REFERENCE_PATH });
  await app.register(openApiRoute);
}, { name: 'charla-openapi' });

const openApiRoute: FastifyPluginAsyncTypebox = async (app) => {
  app.route({ ...openApiDocument, handler: async () => app.swagger() });
};
