import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { tempDir } from '@planwright/test-utils';
import { execa } from 'execa';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../../../', import.meta.url));

/** The two commands of the README's first screen: set up + main job, set up + every test. */
async function readmeCommands(): Promise<{ demo: string; test: string }> {
  const readme = await readFile(join(root, 'README.md'), 'utf8');
  const firstBlock = /```sh\n([\s\S]*?)```/.exec(readme.split('\n').slice(0, 20).join('\n'))![1]!;
  const commands = firstBlock.split('\n').filter((line) => line.startsWith('npx '));
  expect(commands).toHaveLength(2);
  return { demo: commands[0]!, test: commands[1]! };
}

describe("the README's two commands, from a clean clone", () => {
  it('.ci/run runs exactly the test command', async () => {
    const { test } = await readmeCommands();
    const ci = (await readFile(join(root, '.ci/run'), 'utf8')).trim().split('\n');
    expect(ci.at(-1)).toBe(test);
    expect(test).toMatch(/^npx -y pnpm@\S+ install --frozen-lockfile && npx -y pnpm@\S+ test$/);
  });

  it(
    'the set-up command builds and runs the demo in a fresh clone, and the test command finds the tests',
    async () => {
      const { demo, test } = await readmeCommands();
      const clone = join(await tempDir('planwright-clone-'), 'planwright');
      await execa('git', ['clone', '--quiet', root, clone]);
      const main = await execa('bash', ['-c', demo], { cwd: clone, reject: false, all: true, env: { ...process.env, CI: '1', TURBO_TELEMETRY_DISABLED: '1' } });
      expect(main.exitCode, main.all?.slice(-3000)).toBe(0);
      expect(main.all).toContain('every step passed');
      // Running the test command here would run this test again; its set-up is the demo's, and vitest
      // must find the tests it would run.
      const pnpm = test.split(' && ')[1]!.replace(/ test$/, '');
      const listed = await execa('bash', ['-c', `${pnpm} exec vitest list --filesOnly`], { cwd: clone, reject: false, all: true });
      expect(listed.exitCode, listed.all?.slice(-2000)).toBe(0);
      expect(listed.stdout.split('\n').filter((line) => line.includes('.test.ts')).length).toBeGreaterThan(50);
    },
    15 * 60_000,
  );
});
