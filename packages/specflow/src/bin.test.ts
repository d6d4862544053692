import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { execa } from 'execa';
import { beforeAll, describe, expect, it } from 'vitest';
import { fixtureRepo, run } from '../test/fixture-repo.js';

// These tests run the built package (dist/), as users get it: `pnpm build` first.
const bin = fileURLToPath(new URL('../dist/bin/specflow.js', import.meta.url));

beforeAll(() => {
  if (!existsSync(bin)) throw new Error(`${bin} is missing: run "pnpm build" before these tests`);
});

describe('the specflow bin', () => {
  it('prints the prerendered help, identical to what yargs renders now', async () => {
    const spawned = await execa('node', [bin, '--help']);
    expect(`${spawned.stdout}\n`).toBe((await run(['--help'])).stdout);
  });

  it('runs a command end to end with the kit form: --repo before the command', async () => {
    const repo = await fixtureRepo('basic');
    const result = await execa('node', [bin, '--repo', repo, 'validate', 'add-2fa'], { reject: false });
    expect({ code: result.exitCode, stdout: result.stdout }).toEqual({ code: 0, stdout: 'ok: change add-2fa is valid (4 tasks, 2 delta files)' });
    const unknown = await execa('node', [bin, '--repo', repo, 'validate', 'nope'], { reject: false });
    expect(unknown.exitCode).toBe(2);
  });
});
