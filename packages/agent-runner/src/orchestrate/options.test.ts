import { chmod, mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { git, tempDir, writeFiles } from '@planwright/test-utils';
import { readMeta } from '@planwright/run-store';
import { describe, expect, it } from 'vitest';
import type { AgentAdapter } from '../adapters/adapter.js';
import { emptyEventState } from '../adapters/agent-events.js';
import { fakeTask, orchestratorFixture } from '../../test/fixture.js';

describe('orchestrator.toml', () => {
  it('gives defaults to flags that were not passed; flags win', async () => {
    const fixture = await orchestratorFixture([fakeTask('task_001')]);
    const runRoot = await tempDir();
    await writeFile(join(fixture.env.CODEX_HOME!, 'orchestrator.toml'), `compact_run = false\nrun_root = "${runRoot}"\ntimeout_minutes = 3\n`);
    const { result } = await fixture.run({ compactRun: undefined });
    expect(result.runDir!.startsWith(join(runRoot, 'pr-1'))).toBe(true);
    const meta = await readMeta(result.runDir!);
    expect(meta?.args).toMatchObject({ compact_run: false, timeout_minutes: 3, handshake: 'done-file' });
    await mkdir(join(runRoot, 'other'));
    const flagged = await fixture.run({ runRoot: join(runRoot, 'other'), taskId: 'task_001', compactRun: true });
    expect(flagged.result.runDir!.startsWith(join(runRoot, 'other', 'pr-1'))).toBe(true);
    expect((await readMeta(flagged.result.runDir!))?.args).toMatchObject({ compact_run: true, handshake: 'results-json', timeout_minutes: 3 });
  });

  it('reads $CODEX_ORCH_CONFIG first, and reports invalid TOML with its line (exit 2)', async () => {
    const fixture = await orchestratorFixture([fakeTask('task_001')]);
    const file = join(await tempDir(), 'orch.toml');
    await writeFile(file, 'compact_run = true\ntimeout_minutes = [\n');
    fixture.env.CODEX_ORCH_CONFIG = file;
    await expect(fixture.run()).rejects.toMatchObject({ exitCode: 2, message: expect.stringMatching(new RegExp(`^${file}:\\d+:\\d+: invalid TOML`)) });
    await writeFile(file, 'timeout_minutes = "soon"\n');
    await expect(fixture.run()).rejects.toMatchObject({ exitCode: 2, message: `${file}: timeout_minutes: expected number` });
    expect((await fixture.task('task_001')).status).toBe('pending');
  });
});

describe('git set-up through git-ops', () => {
  it('--ensure-git --baseline-commit --git-branch pr/<PR_NAME> on a folder that is not a repo yet', async () => {
    const fixture = await orchestratorFixture([fakeTask('task_001')]);
    const plain = await tempDir();
    await writeFiles(plain, { 'app.py': 'print(1)\n' });
    const { result, events } = await fixture.run({ codeDir: plain, ensureGit: true, baselineCommit: true, gitBranch: 'pr/<PR_NAME>' });
    expect(result.exitCode).toBe(0);
    expect(await git(plain, ['symbolic-ref', '--short', 'HEAD'])).toBe('pr/pr-1');
    expect(await git(plain, ['log', '--format=%s'])).toBe('planwright: baseline');
    expect(await readFile(join(plain, '.gitignore'), 'utf8')).toContain('.plans/**/runs/');
    expect(events.filter((event) => event.type === 'warning').map((event) => (event as { message: string }).message)).toEqual([
      expect.stringContaining('git init'),
      expect.stringContaining('.gitignore'),
      expect.stringContaining('baseline commit'),
      'on branch pr/pr-1 (created)',
    ]);
  });
});

describe('handshakes and where the agent runs', () => {
  /** A stand-in adapter: a shell one-liner that writes what the brief asks. */
  const shellAgent = (script: string): AgentAdapter => ({
    name: 'sh',
    async launch(context) {
      return { bin: 'sh', args: ['-c', script, 'agent', context.resultsPath], stdin: context.prompt, parser: { state: emptyEventState(), feed() {} } };
    },
  });

  it('done-file: the marker completes the task (the kit default without --compact-run)', async () => {
    const script = 'done=$(cat | grep -o "[^ ]*done/task_001.done"); echo hi > "$(dirname "$1")/../notes.txt"; touch "$done"';
    const viaShell = await orchestratorFixture([fakeTask('task_001')]);
    const { orchestrate } = await import('./orchestrate.js');
    const run = await orchestrate({ planDir: viaShell.planDir, codeDir: viaShell.repo, compactRun: false, heartbeatIntervalSeconds: 0, env: viaShell.env }, shellAgent(script));
    expect(run.outcomes[0]).toMatchObject({ status: 'agent_done', resultStatus: 'completed' });
    expect(run.exitCode).toBe(0);
    expect((await viaShell.task('task_001')).status).toBe('agent_done');
    expect(await readFile(join(run.runDir!, 'plan', 'plan.json'), 'utf8')).toContain('"code_dir"');
  });

  it('--stream-agent-output shows the agent lines as events', async () => {
    const fixture = await orchestratorFixture([fakeTask('task_001')]);
    const { events } = await fixture.run({ streamAgentOutput: true });
    const lines = events.filter((event) => event.type === 'agent-output').map((event) => (event as { line: string }).line);
    expect(lines.some((line) => line.includes('"thread.started"'))).toBe(true);
  });

  it('--ghostty writes a launcher and runs the agent in a new window (a stand-in ghostty here)', async () => {
    const fixture = await orchestratorFixture([fakeTask('task_001', 'write from-window.txt ok')]);
    const bin = await tempDir();
    // Like the real one: `ghostty -e <command...>` starts the command in a new terminal and returns.
    await writeFile(join(bin, 'ghostty'), '#!/bin/sh\nshift\nsetsid "$@" >/dev/null 2>&1 < /dev/null &\nexit 0\n');
    await chmod(join(bin, 'ghostty'), 0o755);
    fixture.env.PATH = `${bin}:${fixture.env.PATH}`;
    const { result } = await fixture.run({ ghostty: true });
    expect(result.exitCode).toBe(0);
    expect((await fixture.task('task_001')).status).toBe('agent_done');
    const launcher = await readFile(join(result.runDir!, 'logs', 'launch_task_001.sh'), 'utf8');
    expect(launcher).toMatch(/^#!\/usr\/bin\/env bash\n/);
    expect(launcher).toContain(`< ${join(result.runDir!, 'tasks', 'task_001.prompt.txt')}`);
    expect(await readFile(join(fixture.repo, 'from-window.txt'), 'utf8')).toBe('ok\n');
    expect(await readFile(join(result.runDir!, 'agent_task_001.log'), 'utf8')).toContain('thread.started');
  });

  it('refuses flag combinations that cannot work (exit 2)', async () => {
    const fixture = await orchestratorFixture([fakeTask('task_001')]);
    await expect(fixture.run({ noWait: true, interactiveCode: true })).rejects.toMatchObject({ exitCode: 2 });
    await expect(fixture.run({ ghostty: true, interactiveCode: true })).rejects.toMatchObject({ exitCode: 2 });
    await expect(fixture.run({ maxTasks: -1 })).rejects.toMatchObject({ exitCode: 2 });
    await mkdir(join(fixture.repo, 'x'));
    await expect(fixture.run({ codeDir: join(fixture.repo, 'missing') })).rejects.toMatchObject({ exitCode: 2 });
  });
});
