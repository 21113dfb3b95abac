import type { Static, TSchema } from '@sinclair/typebox';

/**
 * One HTTP route of the contract: what the server registers (`app.route({ ...route, handler })`
 * with the TypeBox type provider) and what the editor calls (`callApi(route, …)`), so both read the
 * same params, query, body and responses. `summary`, `tags` and `security` go into the OpenAPI document.
 */
export interface ApiRoute {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  url: string;
  schema: {
    summary: string;
    description?: string;
    tags: readonly string[];
    security?: ReadonlyArray<Record<string, readonly string[]>>;
    params?: TSchema;
    /** Request headers the route reads (e.g. `Idempotency-Key`), lower-case names. */
    headers?: TSchema;
    querystring?: TSchema;
    body?: TSchema;
    /** Every status the route answers with: its success and, through errorResponses(), its coded errors. */
    response: Record<number, TSchema>;
  };
}

/**
 * Declares a route of the contract; the identity, so its literal types (url, statuses) are kept.
 * @example export const listFlows = apiRoute({ method: 'GET', url: '/api/flows', schema: { summary: 'List flows', tags: ['flows'], response: { 200: Type.Array(FlowSummary) } } });
 */
export function apiRoute<const R extends ApiRoute>(route: R): R {
  return route;
}

type SuccessStatus = 200 | 201 | 202 | 204;
type Schema<R extends ApiRoute> = R['schema'];

/** What a route answers with when it works. */
export type ReplyOf<R extends ApiRoute> = Static<Schema<R>['response'][Extract<keyof Schema<R>['response'], SuccessStatus>]>;
/** The JSON body a route takes. */
export type BodyOf<R extends ApiRoute> = Schema<R> extends { body: infer B extends TSchema } ? Static<B> : undefined;
/** The path parameters a route takes (`:id` → `{ id }`). */
export type ParamsOf<R extends ApiRoute> = Schema<R> extends { params: infer P extends TSchema } ? Static<P> : Record<string, never>;
/** The query string a route takes. */
export type QueryOf<R extends ApiRoute> = Schema<R> extends { querystring: infer Q extends TSchema } ? Partial<Static<Q>> : Record<string, never>;

/**
 * The path to call: the route's url with each `:name` replaced by its (encoded) param, then the query.
 * @example pathOf(getFlow, { id: 'mi flujo' }) // '/api/flows/mi%20flujo'
 */
export function pathOf<R extends ApiRoute>(route: R, params: ParamsOf<R>, query?: QueryOf<R>): string {
  const values = params as Record<string, string | number>;
  const path = route.url.replace(/:([A-Za-z]+)/g, (_match, name: string) => {
    const value = values[name];
    if (value === undefined) throw new Error(`${route.method} ${route.url} needs the param "${name}"`);
    return encodeURIComponent(String(value));
  });
  const search = new URLSearchParams(Object.entries(query ?? {}).map(([key, value]) => [key, String(value)])).toString();
  return search === '' ? path : `${path}?${search}`;
}
