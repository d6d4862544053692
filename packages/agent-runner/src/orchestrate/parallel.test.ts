import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { readMeta } from '@planwright/run-store';
import { git } from '@planwright/test-utils';
import { describe, expect, it } from 'vitest';
import { fakeTask, orchestratorFixture } from '../../test/fixture.js';
import type { OrchestratorEvent } from './options.js';
import { worktreePath } from './worktrees.js';

/** When each task started and finished, from the orchestrator's own events. */
function timeline(events: { at: number; event: OrchestratorEvent }[]) {
  const spans = new Map<string, { start: number; end: number }>();
  for (const { at, event } of events) {
    if (event.type === 'task-started' && !spans.has(event.taskId)) spans.set(event.taskId, { start: at, end: Infinity });
    if (event.type === 'task-finished') spans.get(event.outcome.taskId)!.end = at;
  }
  return spans;
}

const task = (id: string, extra: Record<string, unknown>, ...directives: string[]) => ({ ...fakeTask(id, ...directives), ...extra });

describe('--concurrency by domain', () => {
  it('runs different domains together, never two of one domain, and refills slots at once', async () => {
    const fixture = await orchestratorFixture([
      task('a1', { domain: 'api' }, 'slow 1'),
      task('a2', { domain: 'api' }),
      task('d1', { domain: 'docs' }),
      task('d2', { domain: 'docs' }),
    ]);
    const stamped: { at: number; event: OrchestratorEvent }[] = [];
    const { result } = await fixture.run({ concurrency: 2, onEvent: (event) => stamped.push({ at: Date.now(), event }) });
    expect(result.exitCode).toBe(0);
    const spans = timeline(stamped);
    const overlap = (x: string, y: string) => spans.get(x)!.start < spans.get(y)!.end && spans.get(y)!.start < spans.get(x)!.end;
    expect(overlap('a1', 'a2')).toBe(false);
    expect(overlap('d1', 'd2')).toBe(false);
    expect(overlap('a1', 'd1')).toBe(true);
    // The docs domain went on while a1 still ran: d2 started before a1 ended.
    expect(spans.get('d2')!.start).toBeLessThan(spans.get('a1')!.end);
    for (const id of ['a1', 'a2', 'd1', 'd2']) expect((await fixture.task(id)).status).toBe('agent_done');
  });
});

describe('--auto-verify', () => {
  it('marks a task done when its verify commands pass, and runs its dependents in the same invocation', async () => {
    const fixture = await orchestratorFixture([
      task('task_001', { verify: ['test -f one.txt'] }, 'write one.txt 1'),
      task('task_002', { verify: ['test -f two.txt'], depends_on: ['task_001'] }, 'write two.txt 2'),
    ]);
    const { result, events } = await fixture.run({ autoVerify: true });
    expect(result.exitCode).toBe(0);
    for (const id of ['task_001', 'task_002']) {
      expect(await fixture.task(id)).toMatchObject({ status: 'done', verified_by: 'auto', verified_note: 'verify passed (1 command)' });
    }
    expect(events.filter((event) => event.type === 'verify').map((event) => (event as { passed: boolean }).passed)).toEqual([true, true]);
    expect(await readFile(join(result.runDir!, 'verify_task_001.log'), 'utf8')).toBe('$ test -f one.txt\n[exit 0]\n\n');
  });

  it('resumes the agent with the failing command and its output, then marks done when verify passes', async () => {
    // Fails the first time, passes the second: whatever the agent does, a retry must happen.
    const verify = 'if [ -f .verified-once ]; then echo ok; else touch .verified-once; echo "expected 3 got 2" >&2; exit 1; fi';
    const fixture = await orchestratorFixture([task('task_001', { verify: [verify] })]);
    const { result, events } = await fixture.run({ autoVerify: true, retries: 2 });
    expect(result.exitCode).toBe(0);
    const saved = await fixture.task('task_001');
    expect(saved).toMatchObject({ status: 'done', attempts: 2 });
    const calls = await fixture.invocations();
    expect(calls).toHaveLength(2);
    expect(calls[1]!.argv.slice(calls[1]!.argv.indexOf('resume'))).toEqual(['resume', '--json', saved.thread_id, '-']);
    expect(calls[1]!.prompt).toContain('The verification of task_001 failed');
    expect(calls[1]!.prompt).toContain('expected 3 got 2');
    expect(calls[1]!.prompt).toContain(`"run_id":"${result.runId}"`);
    expect(events.find((event) => event.type === 'retry')).toMatchObject({ taskId: 'task_001', attempt: 2 });
    expect(existsSync(join(result.runDir!, 'results', 'task_001.attempt-1.json'))).toBe(true);
  });

  it('blocks with verify_failed and the failing command once the retries are spent', async () => {
    const fixture = await orchestratorFixture([task('task_001', { verify: ['true', 'exit 4'] }), task('task_002', { depends_on: ['task_001'] })]);
    const { result } = await fixture.run({ autoVerify: true, retries: 1 });
    expect(result.exitCode).toBe(1);
    expect(await fixture.task('task_001')).toMatchObject({ status: 'blocked', blocked_reason: 'verify_failed: exit 4', verify_failed_command: 'exit 4', attempts: 2 });
    expect((await fixture.task('task_002')).status).toBe('pending');
  });

  it('records thread, tokens (summed over attempts), duration and attempts in plan.json, meta.json and the results', async () => {
    const verify = 'if [ -f .v ]; then exit 0; else touch .v; exit 1; fi';
    const fixture = await orchestratorFixture([task('task_001', { verify: [verify] })]);
    const { result } = await fixture.run({ autoVerify: true, retries: 1 });
    const saved = await fixture.task('task_001');
    expect(saved.usage?.input_tokens).toBeGreaterThan(0);
    expect(saved.duration_ms).toBeGreaterThan(0);
    const results = JSON.parse(await readFile(join(result.runDir!, 'results', 'task_001.json'), 'utf8'));
    expect(results.accounting).toEqual({ thread_id: saved.thread_id, usage: saved.usage, duration_ms: saved.duration_ms, attempts: 2, reminders: 0 });
    expect((await readMeta(result.runDir!))?.tasks?.task_001).toMatchObject({ usage: saved.usage, attempts: 2, verified: true });
    // The fake codex reports thread-cumulative usage like the real one: the resumed attempt counts only its own part.
    const [first] = await fixture.invocations();
    expect(first).toBeDefined();
    expect(saved.usage!.input_tokens).toBe(2 * 1200);
  });
});

describe('--commit and --worktrees', () => {
  it('--commit: one commit per verified task, with the head before and after', async () => {
    const fixture = await orchestratorFixture([task('task_001', { title: 'Add one', verify: ['test -f one.txt'], expected_files: ['one.txt'] }, 'write one.txt 1')]);
    const before = await git(fixture.repo, ['rev-parse', 'HEAD']);
    await fixture.run({ autoVerify: true, commit: true });
    const saved = await fixture.task('task_001');
    expect(saved).toMatchObject({ status: 'done', head_before: before });
    expect(await git(fixture.repo, ['log', '--format=%s', '-1'])).toBe('task_001: Add one');
    expect(saved.head_after).toBe(await git(fixture.repo, ['rev-parse', 'HEAD']));
    expect(await git(fixture.repo, ['show', '--name-only', '--format=', 'HEAD'])).toBe('one.txt');
  });

  it('--worktrees: each task on its own branch, merged back once verified; worktrees and merged branches removed', async () => {
    const fixture = await orchestratorFixture([
      task('task_001', { domain: 'a', verify: ['test -f one.txt'] }, 'write one.txt 1'),
      task('task_002', { domain: 'b', verify: ['test -f two.txt'] }, 'write two.txt 2'),
    ]);
    const { result, events } = await fixture.run({ autoVerify: true, worktrees: true, concurrency: 2 });
    expect(result.exitCode).toBe(0);
    expect(await readFile(join(fixture.repo, 'one.txt'), 'utf8')).toBe('1\n');
    expect(await readFile(join(fixture.repo, 'two.txt'), 'utf8')).toBe('2\n');
    expect((await git(fixture.repo, ['log', '--format=%s'])).split('\n').slice(0, 2).sort()).toEqual(['task_001: Task task_001', 'task_002: Task task_002']);
    expect(events.filter((event) => event.type === 'merge').map((event) => (event as { method: string }).method).sort()).toEqual(['cherry-pick', 'fast-forward']);
    expect(existsSync(worktreePath(fixture.repo, 'pr-1', 'task_001'))).toBe(false);
    expect(await git(fixture.repo, ['branch', '--list', 'pr/pr-1/*'])).toBe('');
  });

  it('--worktrees: a conflict leaves the task blocked with the paths named and its worktree kept', async () => {
    const fixture = await orchestratorFixture([
      task('task_001', { domain: 'a', verify: ['true'] }, 'write README.md from task one'),
      task('task_002', { domain: 'b', verify: ['true'] }, 'slow 1', 'write README.md from task two'),
    ]);
    const { result } = await fixture.run({ autoVerify: true, worktrees: true, concurrency: 2 });
    expect(result.exitCode).toBe(1);
    expect(await fixture.task('task_001')).toMatchObject({ status: 'done' });
    expect(await fixture.task('task_002')).toMatchObject({ status: 'blocked', blocked_reason: 'merge_conflict: README.md' });
    expect(await readFile(join(fixture.repo, 'README.md'), 'utf8')).toBe('from task one\n');
    expect(await git(fixture.repo, ['status', '--porcelain', '--untracked-files=no'])).toBe('');
    const kept = worktreePath(fixture.repo, 'pr-1', 'task_002');
    expect(await readFile(join(kept, 'README.md'), 'utf8')).toBe('from task two\n');
    expect(await git(fixture.repo, ['branch', '--list', 'pr/pr-1/task_002'])).toContain('pr/pr-1/task_002');
  });
});

describe('--worktrees without --auto-verify', () => {
  it("keeps the agent's unverified work as a commit on the task branch, and removes the worktree", async () => {
    const fixture = await orchestratorFixture([task('task_001', { domain: 'a' }, 'write greet.js ok')]);
    const { result } = await fixture.run({ worktrees: true });
    expect(result.exitCode).toBe(0);
    expect((await fixture.task('task_001')).status).toBe('agent_done');
    expect(existsSync(worktreePath(fixture.repo, 'pr-1', 'task_001'))).toBe(false);
    expect(existsSync(join(fixture.repo, 'greet.js'))).toBe(false); // not merged: nobody verified it
    expect(await git(fixture.repo, ['show', 'pr/pr-1/task_001:greet.js'])).toBe('ok');
    expect(await git(fixture.repo, ['log', '--format=%s', '-1', 'pr/pr-1/task_001'])).toBe('task_001: Task task_001');
  });
});

describe('two orchestrators on one PR', () => {
  it('never run one task twice: the task is claimed under the plan lock', async () => {
    for (let round = 0; round < 3; round++) {
      const fixture = await orchestratorFixture([fakeTask('task_001', 'slow 1')]);
      const [a, b] = await Promise.all([fixture.run(), fixture.run()]);
      const ran = [...a.result.outcomes, ...b.result.outcomes].filter((outcome) => outcome.status !== 'skipped');
      expect(ran).toHaveLength(1);
      expect((await fixture.task('task_001'))).toMatchObject({ status: 'agent_done', attempts: 1 });
    }
  });
});

describe('--stall-minutes', () => {
  it('ends an agent that goes quiet, like a timeout but with reason stalled', async () => {
    const fixture = await orchestratorFixture([fakeTask('task_001', 'hang')]);
    const { result } = await fixture.run({ stallMinutes: 0.02 });
    expect(result.exitCode).toBe(1);
    expect(await fixture.task('task_001')).toMatchObject({ status: 'blocked', blocked_reason: 'stalled' });
  });
});
