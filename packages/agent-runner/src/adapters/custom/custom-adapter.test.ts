import { chmod, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fakeCodexPath, tempDir } from '@planwright/test-utils';
import { describe, expect, it } from 'vitest';
import { fakeTask, orchestratorFixture, type Fixture } from '../../../test/fixture.js';
import { orchestrate } from '../../orchestrate/orchestrate.js';
import type { AgentAdapter, LaunchContext } from '../adapter.js';
import { customAdapter } from './custom-adapter.js';

/** A small agent: writes the results the orchestrator asks for from its arguments, and what it read. */
async function scriptAgent(body: string): Promise<string> {
  const file = join(await tempDir(), 'agent.sh');
  await writeFile(file, `#!/bin/sh\nset -e\n${body}\n`);
  await chmod(file, 0o755);
  return file;
}

const RESULTS = `printf '{"task_id":"%s","run_id":"%s","status":"completed","summary":"%s"}\\n'`;

function run(fixture: Fixture, adapter: AgentAdapter) {
  return orchestrate({ planDir: fixture.planDir, codeDir: fixture.repo, compactRun: true, heartbeatIntervalSeconds: 0, timeoutGraceSeconds: 1, resultsGraceSeconds: 2, env: fixture.env }, adapter);
}

describe('custom agents through orchestrate', () => {
  it('fills the placeholders of the command and env: the prompt file, the results path, the run and task ids', async () => {
    const fixture = await orchestratorFixture([fakeTask('task_001')]);
    const agent = await scriptAgent(`cp "$1" "$CODE/seen-prompt.txt"\n${RESULTS} "$4" "$3" "brief $5" > "$2"`);
    const adapter = customAdapter('mine', { command: [agent, '{prompt_file}', '{results}', '{run_id}', '{task_id}', '{brief}'], env: { CODE: '{code_dir}' } });
    const result = await run(fixture, adapter);

    expect(result.exitCode, JSON.stringify(result.outcomes)).toBe(0);
    expect((await fixture.task('task_001')).status).toBe('agent_done');
    const results = JSON.parse(await readFile(join(result.runDir!, 'results', 'task_001.json'), 'utf8'));
    expect(results).toMatchObject({ task_id: 'task_001', run_id: result.runId, status: 'completed', summary: `brief ${join(result.runDir!, 'tasks', 'task_001.md')}` });
    expect(await readFile(join(fixture.repo, 'seen-prompt.txt'), 'utf8')).toBe(await readFile(join(result.runDir!, 'tasks', 'task_001.prompt.txt'), 'utf8'));
  });

  it('stdin = "prompt" writes the prompt to its stdin and closes it', async () => {
    const fixture = await orchestratorFixture([fakeTask('task_001')]);
    const agent = await scriptAgent(`cat > "$CODE/stdin.txt"\n${RESULTS} task_001 "$1" from-stdin > "$2"`);
    const result = await run(fixture, customAdapter('piped', { command: [agent, '{run_id}', '{results}'], stdin: 'prompt', env: { CODE: '{code_dir}' } }));

    expect(result.exitCode).toBe(0);
    expect(await readFile(join(fixture.repo, 'stdin.txt'), 'utf8')).toContain('You are a code agent executing task_001.');
  });

  it('events = "codex" reads its output as codex events: a codex wrapper gets its thread id and usage recorded', async () => {
    const fixture = await orchestratorFixture([fakeTask('task_001')]);
    const result = await run(fixture, customAdapter('wrapped-codex', { command: [fakeCodexPath(), 'exec', '--json', '-C', '{code_dir}', '-'], stdin: 'prompt', events: 'codex' }));

    expect(result.exitCode, JSON.stringify(result.outcomes)).toBe(0);
    const task = await fixture.task('task_001');
    expect(task.thread_id).toBeTruthy();
    expect(task.usage?.input_tokens).toBeGreaterThan(0);
  });

  it('a failing command blocks the task; its last line of output explains the exit', async () => {
    const fixture = await orchestratorFixture([fakeTask('task_001')]);
    const agent = await scriptAgent('echo "starting"\necho "aider: no API key found" >&2\nexit 3');
    const adapter = customAdapter('aider', { command: [agent] });
    const result = await run(fixture, adapter);

    expect(result.outcomes[0]).toMatchObject({ status: 'blocked', exitCode: 3, fallback: true });
    expect((await fixture.task('task_001')).blocked_reason).toContain('aider: no API key found');
    expect(adapter.describeExit!({ code: 3, signal: null }, { turnEnded: false, events: 2, lastMessage: 'aider: no API key found' })).toBe('exit 3: aider: no API key found');
  });
});

describe('customAdapter', () => {
  const context = (overrides: Partial<LaunchContext> = {}): LaunchContext => ({
    taskId: 'task_001',
    codeDir: '/repo',
    runDir: '/runs/r1',
    runId: 'r1-ab12',
    promptPath: '/nonexistent/prompt.txt',
    prompt: 'Do it.',
    briefPath: '/runs/r1/tasks/task_001.md',
    resultsPath: '/runs/r1/results/task_001.json',
    lastMessagePath: '/runs/r1/last_message_task_001.txt',
    sandbox: 'workspace-write',
    approval: 'never',
    env: { PATH: process.env.PATH },
    ...overrides,
  });

  it('refuses an unknown placeholder up front, naming the file, the agent and the placeholder', () => {
    expect(() => customAdapter('aider', { command: ['aider', '--message-file', '{prompt}'] }, { configFile: '/home/me/.codex/orchestrator.toml' })).toThrow(
      expect.objectContaining({ exitCode: 2, message: '/home/me/.codex/orchestrator.toml: agents.aider.command[2]: unknown placeholder {prompt}' }),
    );
    expect(() => customAdapter('aider', { command: ['aider'], env: { X: '{results_path}' } })).toThrow('orchestrator.toml: agents.aider.env.X: unknown placeholder {results_path}');
  });

  it('finds the program on PATH, or names what is missing', async () => {
    const launch = await customAdapter('lister', { command: ['ls', '{code_dir}'] }).launch(context());
    expect(launch).toMatchObject({ args: ['/repo'], stdin: undefined, env: {} });
    expect(launch.bin).toMatch(/\/ls$/);
    await expect(customAdapter('aider', { command: ['aider-not-installed', '--yes'] }).launch(context())).rejects.toThrow('orchestrator.toml: agents.aider.command: aider-not-installed not found on PATH');
  });

  it('reads the run id from meta.json when the orchestrator did not pass one', async () => {
    const runDir = await tempDir();
    await writeFile(join(runDir, 'meta.json'), JSON.stringify({ run_dir: runDir, invocation_run_id: 'r9-meta', created_at: 'x', updated_at: 'x', status: 'running' }));
    const launch = await customAdapter('echoer', { command: ['echo', '{run_id}', '{prompt_file}'] }).launch(context({ runDir, runId: undefined, promptPath: undefined }));
    expect(launch.args).toEqual(['r9-meta', join(runDir, 'tasks', 'task_001.prompt.txt')]);
  });
});
