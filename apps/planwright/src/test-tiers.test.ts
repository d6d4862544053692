import { fileURLToPath } from 'node:url';
import { execa } from 'execa';
import { describe, expect, it } from 'vitest';

// `pnpm test` runs every test file; `pnpm test:fast` (PLANWRIGHT_TESTS=fast) the same minus the slow tier
// of vitest.shared.ts. Asked of vitest itself, so a new slow file that the patterns miss shows up here.
const root = fileURLToPath(new URL('../../../', import.meta.url));
const slow = /\.e2e\.test\.ts$|\.browser\.test\.ts$|\.reliability\.test\.ts$|\/test\/differential\/|\/fuzz\//;

async function listed(env: Record<string, string | undefined>): Promise<string[]> {
  const { stdout } = await execa('npx', ['vitest', 'list', '--filesOnly'], { cwd: root, env: { ...process.env, ...env } });
  return stdout.split('\n').filter((line) => line.includes('.test.ts'));
}

describe('test tiers', () => {
  it('the fast tier is every test file but the slow ones; the full run has them all', { timeout: 120_000 }, async () => {
    const [all, fast] = await Promise.all([listed({ PLANWRIGHT_TESTS: undefined }), listed({ PLANWRIGHT_TESTS: 'fast' })]);
    const slowFiles = all.filter((file) => slow.test(file));
    expect(slowFiles.filter((file) => file.includes('.e2e.')).length).toBeGreaterThan(5);
    expect(slowFiles.some((file) => file.includes('.browser.'))).toBe(true);
    expect(slowFiles.some((file) => file.includes('differential'))).toBe(true);
    expect(slowFiles.some((file) => file.includes('.reliability.'))).toBe(true);
    expect(fast.filter((file) => slow.test(file))).toEqual([]);
    expect(fast.sort()).toEqual(all.filter((file) => !slow.test(file)).sort());
  });
});
