import { agentCliPath, tempDir } from '@planwright/test-utils';
import { describe, expect, it } from 'vitest';
import type { OrchestratorConfig } from '../config/orchestrator-config.js';
import type { LaunchContext } from './adapter.js';
import { createAdapter, knownAgents } from './registry.js';

const config: OrchestratorConfig = {
  agent: 'gemini',
  agents: {
    gemini: { model: 'gemini-2.5-pro', max_retries: 0, env: { GOOGLE_GEMINI_BASE_URL: 'http://127.0.0.1:9' } },
    claude: { model: 'claude-sonnet-4-5' },
    aider: { command: ['aider', '--message-file', '{prompt_file}', '--yes'], env: { AIDER_X: '1' } },
  },
};

const context = (overrides: Partial<LaunchContext> = {}): LaunchContext => ({
  taskId: 'task_001',
  codeDir: '/repo',
  runDir: '/runs/r1',
  runId: 'r1',
  promptPath: '/runs/r1/tasks/task_001.prompt.txt',
  prompt: 'Do it.',
  briefPath: '/runs/r1/tasks/task_001.md',
  resultsPath: '/runs/r1/results/task_001.json',
  lastMessagePath: '/runs/r1/last_message_task_001.txt',
  sandbox: 'workspace-write',
  approval: 'never',
  env: { ...process.env, CLAUDE_BIN: agentCliPath('claude'), CLAUDE_CODE_MAX_RETRIES: undefined },
  ...overrides,
});

describe('createAdapter', () => {
  it('knows the built-in agents and the configured custom ones', () => {
    expect(knownAgents(config)).toEqual(['codex', 'gemini', 'claude', 'qwen', 'aider']);
    expect(['codex', 'gemini', 'claude', 'qwen', 'aider'].map((name) => createAdapter(name, config).name)).toEqual(['codex', 'gemini', 'claude', 'qwen', 'aider']);
    expect(createAdapter('gemini', config).describeExit).toBeTypeOf('function');
  });

  it('refuses an unknown agent, listing the known ones (exit 2)', () => {
    expect(() => createAdapter('cursor', config, { configFile: '/cfg/orchestrator.toml' })).toThrow(
      expect.objectContaining({ exitCode: 2, message: 'unknown agent "cursor"', hint: 'known agents: codex, gemini, claude, qwen, aider (custom agents are [agents.<name>] tables in /cfg/orchestrator.toml)' }),
    );
  });

  it('gives the table\'s model when the run names none, and adds its env under the adapter\'s own', async () => {
    const cache = await tempDir();
    const claude = createAdapter('claude', config, { cacheDir: cache });
    const launch = await claude.launch(context());
    expect(launch.args).toEqual(expect.arrayContaining(['--model', 'claude-sonnet-4-5']));
    expect(launch.env).toMatchObject({ CLAUDE_CODE_MAX_RETRIES: '2' });
    const flagged = await claude.launch(context({ model: 'claude-opus-4-8' }));
    expect(flagged.args).toEqual(expect.arrayContaining(['--model', 'claude-opus-4-8']));
    expect(flagged.args).not.toContain('claude-sonnet-4-5');
  });

  it('builds a custom agent from its table', async () => {
    const aider = createAdapter('aider', { agents: { aider: { command: ['ls', '{prompt_file}'], env: { AIDER_X: '{task_id}' } } } });
    expect(await aider.launch(context())).toMatchObject({ args: ['/runs/r1/tasks/task_001.prompt.txt'], env: { AIDER_X: 'task_001' } });
  });
});
