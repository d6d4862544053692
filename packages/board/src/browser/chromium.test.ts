import { afterEach, describe, expect, it, vi } from 'vitest';
import { chromiumPath } from '../../test/chromium.js';

afterEach(() => vi.unstubAllEnvs());

describe('the browser tests without chromium', () => {
  it('fail, saying how to get it, instead of passing', () => {
    vi.stubEnv('CHROMIUM_PATH', '/nonexistent/chromium');
    expect(() => chromiumPath()).toThrow('chromium not found (looked for $CHROMIUM_PATH, /usr/bin/chromium): run "bash scripts/setup-system.sh"');
  });
});
