import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser'];

function found(): string | undefined {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv && existsSync(fromEnv)) return fromEnv;
  return CANDIDATES.find((path) => existsSync(path));
}

let installTried = false;

/**
 * Debian's Chromium, installed with `apt-get install -y chromium` (once) when missing, so the
 * test command works on a fresh machine. Throws a message saying what to do when that fails.
 */
export function findChromium(): string {
  const path = found();
  if (path) return path;
  if (!installTried) {
    installTried = true;
    try {
      execFileSync('apt-get', ['install', '-y', 'chromium'], { stdio: 'ignore', timeout: 600_000 });
    } catch {
      // Reported below with what to do.
    }
  }
  const installed = found();
  if (installed) return installed;
  throw new Error('Chromium not found at /usr/bin/chromium and `apt-get install -y chromium` failed: install it (as root) or set CHROMIUM_PATH to a Chromium binary');
}
