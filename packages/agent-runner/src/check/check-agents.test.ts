import { agentCliPath, tempDir } from '@planwright/test-utils';
import { describe, expect, it } from 'vitest';
import { checkAgents } from './check-agents.js';

// Each real CLI starts twice (--version, --help): seconds each on a loaded machine.
describe('checkAgents', { timeout: 120_000 }, () => {
  it('reports the real gemini and claude: versions and the flags planwright passes, from their --help', async () => {
    const env = { ...process.env, XDG_CACHE_HOME: await tempDir(), CODEX_BIN: agentCliPath('codex'), GEMINI_BIN: agentCliPath('gemini'), CLAUDE_BIN: agentCliPath('claude') };
    const [codex, gemini, claude] = await checkAgents(env);

    expect(codex).toMatchObject({ agent: 'codex', installed: true, version: '0.169.0' });
    expect(gemini).toEqual({
      agent: 'gemini',
      installed: true,
      bin: agentCliPath('gemini'),
      version: '0.61.0',
      flags: { '--prompt': true, '--output-format stream-json': true, '--approval-mode': true, '--skip-trust': true, '--include-directories': true, '--model': true, '--resume': true },
    });
    expect(claude).toEqual({
      agent: 'claude',
      installed: true,
      bin: agentCliPath('claude'),
      version: '2.1.197',
      flags: { '--print': true, '--output-format': true, '--verbose': true, '--permission-mode': true, '--add-dir': true, '--model': true, '--resume': true },
    });
  });

  it('names what is missing and how to install it', async () => {
    const env = { PATH: await tempDir(), XDG_CACHE_HOME: await tempDir(), GEMINI_BIN: '/nonexistent/gemini' };
    const [, gemini, claude] = await checkAgents(env);
    expect(gemini).toEqual({ agent: 'gemini', installed: false, flags: {}, problem: 'GEMINI_BIN=/nonexistent/gemini: no such executable' });
    expect(claude).toEqual({ agent: 'claude', installed: false, flags: {}, problem: 'claude not found on PATH' });
  });
});
