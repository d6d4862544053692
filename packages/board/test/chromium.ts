import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';
import { onTestFinished } from 'vitest';

const CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/snap/bin/chromium'];

/**
 * Debian's chromium, for the browser tests (playwright-core drives it; it never downloads a browser).
 * Missing, it throws, so the test fails and says how to get it: a browser test never passes without one.
 */
export function chromiumPath(): string {
  const path = process.env.CHROMIUM_PATH ?? CANDIDATES.find((candidate) => existsSync(candidate));
  if (!path || !existsSync(path)) {
    throw new Error('chromium not found (looked for $CHROMIUM_PATH, /usr/bin/chromium): run "bash scripts/setup-system.sh" (apt-get install chromium) from the repository root');
  }
  return path;
}

/** A headless chromium, closed when the test (or, from beforeAll, the file) is done. */
export async function launchChromium(): Promise<Browser> {
  // --no-sandbox: CI runs as root, where chromium's own sandbox refuses to start.
  return chromium.launch({ executablePath: chromiumPath(), headless: true, args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'] });
}

/** A chromium closed when the current test finishes. */
export async function chromiumForTest(): Promise<Browser> {
  const browser = await launchChromium();
  onTestFinished(() => browser.close());
  return browser;
}
