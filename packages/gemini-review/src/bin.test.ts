import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { execa } from 'execa';
import { beforeAll, describe, expect, it } from 'vitest';
import { cli } from './review-test-kit.js';

// Runs the built package (dist/), as users get it: `pnpm build` first.
const bin = fileURLToPath(new URL('../dist/bin/gemini-review.js', import.meta.url));

beforeAll(() => {
  if (!existsSync(bin)) throw new Error(`${bin} is missing: run "pnpm build" before these tests`);
});

describe('the gemini-review bin', () => {
  it('prints the prerendered help, identical to what yargs renders now', async () => {
    const spawned = await execa('node', [bin, '--help']);
    expect(`${spawned.stdout}\n`).toBe((await cli(['--help'])).stdout);
  });

  it('rejects an unknown flag with exit 2 and one line', async () => {
    const result = await execa('node', [bin, '--pr', 'pr-1', '--bogus'], { reject: false });
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toBe('gemini-review: unknown option: --bogus (see gemini-review --help)');
  });
});
