import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { signedHeaders } from '../server/testing/webhook-body.ts';
import { launchBrowser } from './launch-browser.ts';
import { startCharla, type RunningCharla } from './start-charla.ts';

const ARTIFACTS = join(process.cwd(), 'test-artifacts', 'e2e');

export interface E2eSession {
  charla: RunningCharla;
  page: Page;
  /** Saves a screenshot as test-artifacts/e2e/<name>.png. */
  shot(name: string): Promise<void>;
  /** Calls the API as the admin. */
  api(method: string, path: string, body?: unknown): Promise<Response>;
  /** Posts a webhook body to the server, signed with the app secret as Meta signs it. */
  postWebhook(body: string): Promise<Response>;
  /** Opens a page of the editor signed in with `token` (the stored token is restored on load). */
  openAs(token: string, hash: string): Promise<void>;
  /** `openAs` with the admin token. */
  openAsAdmin(hash: string): Promise<void>;
}

/**
 * Registers the hooks of one e2e file: the real server with a fresh database and the editor built,
 * and a Chromium page. Read the returned object inside tests.
 * @example const session = useE2eSession(); it('…', async () => { await session.page.goto(session.charla.url) })
 */
export function useE2eSession(): E2eSession {
  let browser: Awaited<ReturnType<typeof launchBrowser>> | undefined;
  const session = {} as E2eSession;
  const policyViolations: string[] = [];

  beforeAll(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    session.charla = await startCharla();
    // The analyst's laptop: every screenshot is at 1366×768.
    browser = await launchBrowser({ width: 1366, height: 768 });
    session.page = await browser.context.newPage();
    session.page.setDefaultTimeout(15_000);
    // Uncaught errors in the page show up in the test output.
    session.page.on('pageerror', (error) => console.error(`page error: ${error.message}`));
    // The server's Content-Security-Policy must let the built editor work: Chromium reports each
    // blocked script, style, image or request as a console error.
    session.page.on('console', (message) => {
      if (message.type() === 'error' && message.text().includes('Content Security Policy')) policyViolations.push(message.text());
    });
  }, 120_000);

  afterEach(() => {
    expect(policyViolations.splice(0)).toEqual([]);
  });

  // A failing test leaves a picture of the page behind, for CI's artifacts.
  afterEach(async ({ task }) => {
    if (task.result?.state === 'fail' && session.page) {
      await session.shot(`failed-${task.name.replace(/[^a-z0-9]+/gi, '-').slice(0, 60)}`);
    }
  });

  afterAll(async () => {
    await browser?.close();
    await session.charla?.close();
  });

  session.shot = async (name) => {
    await session.page.screenshot({ path: join(ARTIFACTS, `${name}.png`) });
  };
  session.api = (method, path, body) => fetch(`${session.charla.url}${path}`, {
    method,
    headers: { authorization: `Bearer ${session.charla.adminToken}`, 'content-type': 'application/json' },
    ...(body !== undefined && { body: typeof body === 'string' ? body : JSON.stringify(body) }),
  });
  session.postWebhook = (body) => fetch(`${session.charla.url}/webhooks/whatsapp`, {
    method: 'POST', headers: signedHeaders(body, session.charla.appSecret), body,
  });
  session.openAs = async (token, hash) => {
    const { page, charla } = session;
    await page.goto(charla.url);
    await page.evaluate((stored) => localStorage.setItem('charla.token', stored), token);
    await page.goto(`${charla.url}/${hash}`);
    await page.reload();
  };
  session.openAsAdmin = (hash) => session.openAs(session.charla.adminToken, hash);
  return session;
}
