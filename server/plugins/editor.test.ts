import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTestApp, type TestApp } from '../testing/test-app.ts';

let t: TestApp;
let editorDir: string;
beforeEach(async () => {
  editorDir = mkdtempSync(join(tmpdir(), 'charla-editor-'));
  mkdirSync(join(editorDir, 'assets'));
  writeFileSync(join(editorDir, 'index.html'), '<!doctype html><div id="root"></div>');
  writeFileSync(join(editorDir, 'assets', 'app-123.js'), 'console.log(1)');
  t = await createTestApp({}, { editorDir });
});
afterEach(async () => {
  await t.close();
  rmSync(editorDir, { recursive: true, force: true });
});

describe('serving the editor', () => {
  it('serves index.html at / and for client-side routes, assets with a long cache', async () => {
    for (const url of ['/', '/flows/pizzeria', '/flows/pizzeria/versions?x=1']) {
      const page = await t.app.inject({ method: 'GET', url });
      expect(page.statusCode).toBe(200);
      expect(page.headers['content-type']).toContain('text/html');
      expect(page.body).toContain('<div id="root">');
      expect(page.headers['cache-control']).toBe('no-cache');
    }
    const asset = await t.app.inject({ method: 'GET', url: '/assets/app-123.js' });
    expect(asset.body).toBe('console.log(1)');
    expect(asset.headers['cache-control']).toContain('immutable');
  });

  it('keeps coded 404s for API paths and other methods', async () => {
    const api = await t.app.inject({ method: 'GET', url: '/api/nothing' });
    expect(api.statusCode).toBe(404);
    expect(api.json().code).toBe('route_not_found');
    expect((await t.app.inject({ method: 'POST', url: '/flows' })).json().code).toBe('route_not_found');
    expect((await t.app.inject({ method: 'GET', url: '/webhooks/other' })).statusCode).toBe(404);
  });
});
