import { Type } from '@sinclair/typebox';
import { AnyObject } from './common.ts';
import { apiRoute } from './route.ts';

/** For operators and tools: liveness, metrics, and this API's own description. None needs a token. */

const tags = ['operations'];

export const health = apiRoute({
  method: 'GET',
  url: '/healthz',
  schema: {
    summary: 'The process is up and the database answers', tags,
    response: { 200: Type.Object({ status: Type.String() }) },
  },
});

export const metrics = apiRoute({
  method: 'GET',
  url: '/metrics',
  schema: {
    summary: "The live path's counters and turn-latency histogram in Prometheus text format (counts only, no ids or secrets)", tags,
    response: { 200: Type.String() },
  },
});

/** Where the reference page (rendered from the document below) is served. */
export const API_REFERENCE_PATH = '/api/docs';

export const openApiDocument = apiRoute({
  method: 'GET',
  url: '/api/openapi.json',
  schema: {
    summary: 'This API as an OpenAPI 3.1 document, generated from the route schemas', tags,
    response: { 200: AnyObject },
  },
});
