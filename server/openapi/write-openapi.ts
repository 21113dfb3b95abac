import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { buildApp } from '../app.ts';
import { loadConfig } from '../config.ts';

/** The committed OpenAPI document; server/openapi/openapi.test.ts fails when it is stale. */
export const OPENAPI_FILE = fileURLToPath(new URL('../../docs/api/openapi.json', import.meta.url));

/** The document GET /api/openapi.json serves, generated from the routes of an app on a throwaway database. */
export async function renderOpenApiFile(): Promise<string> {
  const app = await buildApp({ config: loadConfig({ CHARLA_DB: ':memory:' }) });
  try {
    await app.ready();
    return `${JSON.stringify(app.swagger(), null, 2)}\n`;
  } finally {
    await app.close();
  }
}

// `npm run openapi:write`
if (process.argv[1] === fileURLToPath(import.meta.url)) {
  writeFileSync(OPENAPI_FILE, await renderOpenApiFile());
  console.log(`wrote ${OPENAPI_FILE}`);
}
