import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { tempDir } from '@planwright/test-utils';
import { describe, expect, it } from 'vitest';
import { loadOrchestratorConfig } from './orchestrator-config.js';

async function load(toml: string) {
  const file = join(await tempDir(), 'orchestrator.toml');
  await writeFile(file, toml);
  return { file, loading: loadOrchestratorConfig({ CODEX_ORCH_CONFIG: file }) };
}

describe('orchestrator.toml: agent and [agents.<name>]', () => {
  it('reads the default agent, custom agents and settings of the built-in ones', async () => {
    const { loading } = await load(`agent = "aider"
[agents.aider]
command = ["aider", "--message-file", "{prompt_file}", "--yes"]
stdin = "none"
events = "none"
env = { FOO = "bar" }

[agents.gemini]
model = "gemini-2.5-pro"
max_retries = 0
`);
    expect((await loading).config).toMatchObject({
      agent: 'aider',
      agents: {
        aider: { command: ['aider', '--message-file', '{prompt_file}', '--yes'], stdin: 'none', events: 'none', env: { FOO: 'bar' } },
        gemini: { model: 'gemini-2.5-pro', max_retries: 0 },
      },
    });
  });

  it.each([
    ['[agents.aider]\ncommand = "aider --yes"\n', 'agents.aider.command: expected an array of strings'],
    ['[agents.aider]\ncommand = ["aider", 3]\n', 'agents.aider.command: expected an array of strings'],
    ['[agents.aider]\ncommand = []\n', 'agents.aider.command: expected at least the program to run'],
    ['[agents.aider]\ncommand = ["aider", "--message-file", "{prompt}"]\n', 'agents.aider.command[2]: unknown placeholder {prompt}'],
    ['[agents.aider]\ncommand = ["aider"]\nenv = { X = "{result}" }\n', 'agents.aider.env.X: unknown placeholder {result}'],
    ['[agents.aider]\ncommand = ["aider"]\nstdin = "file"\n', 'agents.aider.stdin: expected one of "none", "prompt"'],
    ['[agents.aider]\ncommand = ["aider"]\nevents = "jsonl"\n', 'agents.aider.events: expected one of "none", "codex", "gemini", "claude", "qwen"'],
    ['[agents.aider]\ncomand = ["aider"]\n', 'agents.aider: unknown key "comand"'],
    ['[agents.aider]\nevents = "codex"\n', 'agents.aider.command: required for a custom agent'],
    ['[agents.aider]\ncommand = ["aider"]\nenv = { X = 1 }\n', 'agents.aider.env.X: expected string'],
    ['[agents.gemini]\ncommand = ["gemini"]\n', 'agents.gemini.command: gemini is built in and takes no command'],
    ['[agents.gemini]\nmax_retries = 1.5\n', 'agents.gemini.max_retries: expected a whole number'],
    ['[agents.claude]\nmax_retries = -1\n', 'agents.claude.max_retries: expected 0 or more'],
    ['[agents.codex]\nmax_retries = 1\n', 'agents.codex.max_retries: only for gemini, claude and qwen'],
    ['agents = "aider"\n', 'agents: expected a table'],
    ['agent = "cursor"\n', 'agent: unknown agent "cursor"'],
  ])('%j -> %s (exit 2)', async (toml, error) => {
    const { file, loading } = await load(toml);
    await expect(loading).rejects.toMatchObject({ exitCode: 2, message: `${file}: ${error}` });
  });

  it('lists the known agents with an unknown default', async () => {
    const { loading } = await load('agent = "cursor"\n[agents.aider]\ncommand = ["aider"]\n');
    await expect(loading).rejects.toMatchObject({ hint: 'known agents: codex, gemini, claude, qwen, aider' });
  });
});
