import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { captureIo } from '@planwright/cli-kit';
import { isolatedGitEnv, tempDir } from '@planwright/test-utils';
import { execa } from 'execa';
import { beforeAll, describe, expect, it } from 'vitest';
import { main } from './cli.js';

const bin = fileURLToPath(new URL('../dist/bin/git-ops.js', import.meta.url));

// Smoke tests of the built bin (`pnpm build` first; `pnpm test` does): the bundle starts and the help
// it serves without yargs is what yargs renders now.
beforeAll(() => {
  if (!existsSync(bin)) throw new Error(`${bin} is missing: run "pnpm build" before these tests`);
});

describe('the git-ops bin', () => {
  it('prints the same --help as the live CLI', async () => {
    const io = captureIo();
    expect(await main(['--help'], io)).toBe(0);
    const { stdout, exitCode } = await execa('node', [bin, '--help'], { stripFinalNewline: false });
    expect(exitCode).toBe(0);
    expect(stdout).toBe(io.stdout);
  });

  it('runs a command', async () => {
    const dir = await tempDir();
    const { stdout } = await execa('node', [bin, 'ensure', '--repo', dir, '--json'], { env: isolatedGitEnv() });
    expect(JSON.parse(stdout)).toMatchObject({ created: true, gitignore: { action: 'created' } });
  });
});
