import { readFileSync } from 'node:fs';
import { Validator } from '@seriousme/openapi-schema-validator';
import type { RouteOptions } from 'fastify';
import { createTestApp, type TestApp } from '../testing/test-app.ts';
import { OPENAPI_FILE, renderOpenApiFile } from './write-openapi.ts';

let t: TestApp;
const routes: RouteOptions[] = [];
beforeAll(async () => {
  t = await createTestApp({}, { onRoute: (route) => { routes.push(route); } });
  await t.app.ready();
});
afterAll(() => t.close());

type Schema = { params?: unknown; querystring?: unknown; body?: unknown; response?: Record<string, unknown>; hide?: boolean };
const schemaOf = (route: RouteOptions) => (route.schema ?? {}) as Schema;
const methods = (route: RouteOptions) => [route.method].flat().filter((method) => method !== 'HEAD');
/** The reference page's own files (@fastify/swagger-ui), hidden from the document: not part of the API. */
const isReferencePage = (route: RouteOptions) => schemaOf(route).hide === true;

describe('the OpenAPI document', () => {
  it('GET /api/openapi.json validates as OpenAPI 3.1', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/openapi.json' });
    expect(response.statusCode).toBe(200);
    const document = response.json() as { openapi: string };
    expect(document.openapi).toBe('3.1.0');
    const result = await new Validator().validate(document);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
  });

  it('docs/api/openapi.json is what the routes generate; else run `npm run openapi:write`', async () => {
    expect(readFileSync(OPENAPI_FILE, 'utf8')).toBe(await renderOpenApiFile());
  });

  it('the reference page is served, with its assets, without any other host', async () => {
    const page = await t.app.inject({ method: 'GET', url: '/api/docs/' });
    expect(page.statusCode).toBe(200);
    expect(page.body).not.toMatch(/src="https?:|href="https?:/);
    const initializer = await t.app.inject({ method: 'GET', url: '/api/docs/static/swagger-initializer.js' });
    expect(initializer.statusCode).toBe(200);
  });
});

describe('every route', () => {
  it('under /api declares request schemas for its input and response schemas for its success and error codes', async () => {
    const document = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json() as { paths: Record<string, Record<string, unknown>> };
    const api = routes.filter((route) => route.url.startsWith('/api/') && !isReferencePage(route) && methods(route).length > 0);
    expect(api.length).toBeGreaterThan(25);
    const gaps: string[] = [];
    for (const route of api) {
      const name = `${methods(route).join(',')} ${route.url}`;
      const schema = schemaOf(route);
      const statuses = Object.keys(schema.response ?? {}).map(Number);
      if (!statuses.some((status) => status >= 200 && status < 300)) gaps.push(`${name}: no success response schema`);
      // A path param, a query string or a body is input: it must have a schema, and bad input is a 400.
      const takesInput = route.url.includes(':') || schema.querystring !== undefined || schema.body !== undefined;
      if (route.url.includes(':') && schema.params === undefined) gaps.push(`${name}: path params without a schema`);
      if (takesInput && !statuses.includes(400)) gaps.push(`${name}: takes input but declares no 400`);
      // Routes behind requireRole answer 401 without a valid token and 403 for the wrong role.
      if (route.preHandler !== undefined && !(statuses.includes(401) && statuses.includes(403))) gaps.push(`${name}: signed in but no 401/403`);
      const path = route.url.replace(/:([A-Za-z]+)/g, '{$1}');
      for (const method of methods(route)) {
        if (document.paths[path]?.[method.toLowerCase()] === undefined) gaps.push(`${name}: missing from the OpenAPI document`);
      }
    }
    expect(gaps).toEqual([]);
  });

  it('outside /api (webhooks, health, metrics) declares its responses too', () => {
    const others = routes.filter((route) => !route.url.startsWith('/api/') && methods(route).length > 0 && route.url !== '*' && !isReferencePage(route));
    expect(others.map((route) => route.url)).toEqual(expect.arrayContaining(['/healthz', '/metrics', '/webhooks/whatsapp']));
    expect(others.filter((route) => schemaOf(route).response === undefined).map((route) => `${String(route.method)} ${route.url}`)).toEqual([]);
  });
});
