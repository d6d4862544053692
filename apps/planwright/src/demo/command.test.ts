import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { tempDir } from '@planwright/test-utils';
import { describe, expect, it } from 'vitest';
import { demoCli, entries, stubEnv } from './demo-test-kit.js';

describe('planwright demo: arguments', () => {
  it('--help names the steps, the flags and the examples', async () => {
    const { code, stdout } = await demoCli(['--help']);
    expect(code).toBe(0);
    for (const text of ['--keep', '--live', '--agent-timeout-minutes', '--json', 'planwright demo --keep', 'built-in scripted models']) expect(stdout).toContain(text);
  });

  it('refuses a timeout that is not positive (exit 2), before anything starts', async () => {
    const tmp = await tempDir();
    stubEnv({ TMPDIR: tmp });
    expect(await demoCli(['--agent-timeout-minutes', '0'])).toEqual({ code: 2, stdout: '', stderr: 'planwright: --agent-timeout-minutes 0: must be more than 0\n' });
    expect(entries(tmp)).toEqual([]);
  });

  it('a missing CLI is one line with the fix, exit 1, and nothing created', async () => {
    const tmp = await tempDir();
    stubEnv({ TMPDIR: tmp, CODEX_BIN: '/nowhere/codex' });
    expect(await demoCli([])).toEqual({ code: 1, stdout: '', stderr: 'planwright: CODEX_BIN=/nowhere/codex: no such executable (point CODEX_BIN at the codex binary, or unset it)\n' });
    expect(entries(tmp)).toEqual([]);
  });
});

// There is no network here and no login: --live is checked for what it must not do (start the scripted
// servers, touch the user's setup beyond their own CLI homes, hang) rather than for a run with real models.
describe('planwright demo --live', () => {
  async function userHome() {
    const home = await tempDir('planwright-user-');
    const codexHome = join(home, '.codex');
    await mkdir(codexHome);
    const tmp = join(home, 'tmp');
    await mkdir(tmp);
    const env = { HOME: home, CODEX_HOME: codexHome, TMPDIR: tmp, XDG_CACHE_HOME: undefined, GEMINI_CLI_HOME: undefined, OPENAI_API_KEY: undefined, CODEX_API_KEY: undefined, GEMINI_API_KEY: undefined, GOOGLE_API_KEY: undefined, GOOGLE_GENAI_USE_VERTEXAI: undefined };
    return { home, codexHome, tmp, env };
  }

  it('warns that it costs tokens, and refuses at once when codex is not logged in (exit 1, nothing created)', async () => {
    const user = await userHome();
    stubEnv(user.env);
    const { code, stdout, stderr } = await demoCli(['--live']);
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toBe(
      'planwright demo --live: real models with your own Codex and Gemini logins; this costs tokens.\n' +
        'planwright: --live: codex is not logged in (run "codex login", or set OPENAI_API_KEY) (log in first, or run the demo without --live (scripted models, no credentials))\n',
    );
    expect(entries(user.tmp)).toEqual([]);
  });

  it('refuses when gemini is not logged in, even when codex is', async () => {
    const user = await userHome();
    stubEnv({ ...user.env, OPENAI_API_KEY: 'sk-test' });
    const { code, stderr } = await demoCli(['--live', '--json']);
    expect(code).toBe(1);
    expect(stderr).toContain('planwright: --live: gemini is not logged in (run "gemini" once to log in, or set GEMINI_API_KEY)');
    expect(entries(user.tmp)).toEqual([]);
  });

  it('logged in, runs the user\'s own codex setup (no scripted server), fails fast without a network and cleans up', { timeout: 60_000 }, async () => {
    const user = await userHome();
    stubEnv({ ...user.env, OPENAI_API_KEY: 'sk-test', GEMINI_API_KEY: 'test' });
    const { code, stdout } = await demoCli(['--live', '--json', '--agent-timeout-minutes', '0.1']);
    const result = JSON.parse(stdout);
    expect(code).toBe(1);
    expect(result).toMatchObject({ ok: false, exitCode: 1, mode: 'live', kept: false });
    expect(result.steps.map((step: { step: string; ok: boolean }) => [step.step, step.ok])).toEqual([
      ['sample', true], ['init', true], ['proposal', true], ['plan', true], ['research', false],
    ]);
    // codex ran with the user's CODEX_HOME (its session is there), not a scripted server's home.
    expect(existsSync(join(user.codexHome, 'sessions'))).toBe(true);
    expect(entries(user.tmp)).toEqual([]);
  });
});
