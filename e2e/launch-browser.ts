import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';
import { findChromium } from './find-chromium.ts';

/** Headless, quiet, and with nothing reaching beyond 127.0.0.1. */
const ARGS = [
  '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage',
];

/**
 * Debian's Chromium with a fresh profile; every request outside 127.0.0.1 is aborted.
 * @example const browser = await launchBrowser(); const page = await browser.context.newPage(); … await browser.close();
 */
export async function launchBrowser(options: { width?: number; height?: number } = {}): Promise<{ context: BrowserContext; close(): Promise<void> }> {
  const profile = mkdtempSync(join(tmpdir(), 'charla-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: findChromium(),
    headless: true,
    args: ARGS,
    viewport: { width: options.width ?? 1440, height: options.height ?? 900 },
    locale: 'es-AR',
  });
  await context.route(/^(?!https?:\/\/127\.0\.0\.1[:/])(?!data:|blob:).*/, (route) => route.abort());
  return {
    context,
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
