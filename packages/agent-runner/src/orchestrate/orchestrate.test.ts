import { existsSync } from 'node:fs';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { HANDSHAKE_HEADING, readHandshakeBlock } from '@planwright/plan-schema';
import { readMeta, requestStop } from '@planwright/run-store';
import { describe, expect, it } from 'vitest';
import { fakeTask, orchestratorFixture } from '../../test/fixture.js';

describe('orchestrate: a task that completes', () => {
  it('runs the agent, records agent_done with thread id and usage, and writes the run files', async () => {
    const fixture = await orchestratorFixture([fakeTask('task_001', 'write hello.txt hello world')]);
    const { result, events } = await fixture.run();
    expect(result.exitCode).toBe(0);
    const task = await fixture.task('task_001');
    expect(task).toMatchObject({ status: 'agent_done', run_dir: result.runDir, last_run_id: result.runId, attempts: 1 });
    expect(task.thread_id).toMatch(/^fake-/);
    expect(task.usage?.input_tokens).toBeGreaterThan(0);
    expect(await readFile(join(fixture.repo, 'hello.txt'), 'utf8')).toBe('hello world\n');
    const results = JSON.parse(await readFile(join(result.runDir!, 'results', 'task_001.json'), 'utf8'));
    expect(results).toMatchObject({ task_id: 'task_001', run_id: result.runId, status: 'completed' });
    const meta = await readMeta(result.runDir!);
    expect(meta).toMatchObject({ status: 'completed', exit_code: 0, invocation_run_id: result.runId, current_task_id: 'task_001' });
    expect(meta?.tasks?.task_001).toMatchObject({ status: 'completed', exit_code: 0 });
    expect(events.map((event) => event.type)).toEqual(['run', 'task-started', 'waiting', 'task-finished']);
    expect(result.runId).toMatch(/^\d{8}-\d{6}-\d+-[0-9a-f]{4}$/);
  });

  it('passes codex the flags its version accepts, the prompt on stdin, and closes stdin', async () => {
    const fixture = await orchestratorFixture([fakeTask('task_001')]);
    const { result } = await fixture.run();
    const [call] = await fixture.invocations();
    const runDir = result.runDir!;
    expect(call!.argv).toEqual([
      'exec', '-C', fixture.repo, '--add-dir', runDir, '--skip-git-repo-check', '-s', 'workspace-write', '--json', '-o', join(runDir, 'last_message_task_001.txt'), '-',
    ]);
    expect(call!.stdin_was_closed).toBe(true);
    expect(call!.prompt).toBe(
      `You are a code agent executing task_001.\n1) Read and follow the instructions in: ${runDir}/tasks/task_001.md\n` +
        `2) When finished, write a JSON summary to: ${runDir}/results/task_001.json\n3) Include run_id=${result.runId}\nDo not skip steps 2-3.\n`,
    );
    expect(call!.pgid).toBe(call!.pid); // its own process group
  });

  it('writes a brief with the goal, the task, the handshake and the safety rule', async () => {
    const fixture = await orchestratorFixture([{ ...fakeTask('task_001'), expected_files: ['src/a.ts'], verify: ['npm test'], done_criteria: ['tests pass'] }]);
    const { result } = await fixture.run();
    const brief = await readFile(join(result.runDir!, 'tasks', 'task_001.md'), 'utf8');
    expect(brief).toContain('# task_001: Task task_001\n\n## Goal\nShip the feature\n');
    expect(brief).toContain('## Expected files to touch\n- `src/a.ts`');
    expect(brief).toContain('## Verification\n- `npm test`');
    expect(brief).toContain('do **not** run `killall`/`pkill`');
    // The handshake once, last, with the exact JSON to write; tools read it back from the brief.
    expect(brief.trimEnd().endsWith('```')).toBe(true);
    expect(brief.split(HANDSHAKE_HEADING)).toHaveLength(2);
    expect(readHandshakeBlock(brief)).toMatchObject({ taskId: 'task_001', runId: result.runId, resultsPath: join(result.runDir!, 'results', 'task_001.json'), results: { task_id: 'task_001', run_id: result.runId, status: 'completed' } });
    expect(await readFile(join(result.runDir!, 'tasks', 'task_001.prompt.txt'), 'utf8')).toContain('Include run_id=');
  });

  it('runs the runnable tasks in id order, up to --max-tasks', async () => {
    const fixture = await orchestratorFixture([fakeTask('task_002'), fakeTask('task_001'), { ...fakeTask('task_003'), depends_on: ['task_001'] }]);
    const { result } = await fixture.run({ maxTasks: 5 });
    expect(result.outcomes.map((outcome) => outcome.taskId)).toEqual(['task_001', 'task_002']);
    expect((await fixture.task('task_003')).status).toBe('pending'); // task_001 is agent_done, not done
  });

  it('says so when nothing is runnable, exit 0', async () => {
    const fixture = await orchestratorFixture([{ ...fakeTask('task_001'), status: 'blocked' }]);
    const { result, events } = await fixture.run();
    expect(result.exitCode).toBe(0);
    expect(events.at(-1)).toEqual({ type: 'no-runnable' });
    expect(await fixture.invocations()).toEqual([]);
  });

  it('writes the one-task starter plan from the goal when there is no plan', async () => {
    const fixture = await orchestratorFixture([]);
    await writeFile(fixture.planFile, ''); // replaced below
    const planFile = join(fixture.planDir, 'new-plan.json');
    const { result } = await fixture.run({ planFile, goal: 'Add a health endpoint' });
    expect(result.exitCode).toBe(0);
    const plan = JSON.parse(await readFile(planFile, 'utf8'));
    expect(plan.goal).toBe('Add a health endpoint');
    expect(plan.tasks[0]).toMatchObject({ id: 'task_001', title: 'Implement the requested changes', description: 'Add a health endpoint', status: 'agent_done' });
  });

  it('refuses a missing plan without a goal, before starting anything (exit 2)', async () => {
    const fixture = await orchestratorFixture([]);
    await expect(fixture.run({ planFile: join(fixture.planDir, 'none.json') })).rejects.toMatchObject({ exitCode: 2, message: expect.stringContaining('no plan yet and no goal given') });
  });
});

describe('orchestrate: --task-id, control/stop and stale results', () => {
  it('runs the named task, and refuses one that is done', async () => {
    const fixture = await orchestratorFixture([fakeTask('task_001'), fakeTask('task_002'), { ...fakeTask('task_003'), status: 'done' }]);
    const { result } = await fixture.run({ taskId: 'task_002' });
    expect(result.outcomes.map((outcome) => outcome.taskId)).toEqual(['task_002']);
    await expect(fixture.run({ taskId: 'task_003' })).rejects.toMatchObject({ exitCode: 2, message: '--task-id task_003: the task is done' });
    await expect(fixture.run({ taskId: 'nope' })).rejects.toMatchObject({ exitCode: 2 });
  });

  it('launches nothing more once control/stop exists (exit 2)', async () => {
    const fixture = await orchestratorFixture([fakeTask('task_001'), fakeTask('task_002')]);
    const runDir = join(fixture.planDir, 'runs', 'fixed');
    expect((await fixture.run({ runDir, maxTasks: 1 })).result.exitCode).toBe(0);
    await requestStop(runDir);
    const { result, events } = await fixture.run({ runDir, maxTasks: 2 });
    expect(result.exitCode).toBe(2);
    expect(events.map((event) => event.type)).toContain('stop-detected');
    expect((await readMeta(runDir))?.status).toBe('stopped');
    expect((await fixture.task('task_002')).status).toBe('pending');
  });

  it('with --reuse-run, moves an older results file aside and never trusts it', async () => {
    const fixture = await orchestratorFixture([fakeTask('task_001', 'no-results', 'on-resume no-results')]);
    const first = await fixture.run({ reuseRun: true });
    const runDir = first.result.runDir!;
    // Make it look like an earlier run had finished the task.
    await writeFile(join(runDir, 'results', 'task_001.json'), JSON.stringify({ task_id: 'task_001', run_id: 'old-run', status: 'completed' }));
    const plan = JSON.parse(await readFile(fixture.planFile, 'utf8'));
    plan.tasks[0].status = 'pending';
    await writeFile(fixture.planFile, JSON.stringify(plan));
    const second = await fixture.run({ reuseRun: true });
    expect(second.result.runDir).toBe(runDir);
    expect((await fixture.task('task_001')).status).toBe('blocked');
    const files = await readdir(join(runDir, 'results'));
    expect(files).toContain(`task_001.stale-${second.result.runId}.json`);
    const results = JSON.parse(await readFile(join(runDir, 'results', 'task_001.json'), 'utf8'));
    expect(results).toMatchObject({ run_id: second.result.runId, status: 'partial', generated_by: 'planwright' });
    expect(existsSync(join(runDir, 'results'))).toBe(true);
  });
});
