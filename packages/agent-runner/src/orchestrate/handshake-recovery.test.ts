import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { readMeta } from '@planwright/run-store';
import { describe, expect, it } from 'vitest';
import { fakeTask, orchestratorFixture } from '../../test/fixture.js';

const results = async (runDir: string, id: string) => JSON.parse(await readFile(join(runDir, 'results', `${id}.json`), 'utf8'));

// Each case asserts the final status and results, and that the agent ran at most twice (the first run,
// and one reminder turn that resumes its session).
describe('orchestrate: an agent that forgets the handshake', () => {
  it('forgets the results file, writes it after the reminder: agent_done, the reminder counted in tokens and time', async () => {
    const fixture = await orchestratorFixture([fakeTask('task_001', 'no-results')]);
    const { result, events } = await fixture.run();
    expect(result.exitCode).toBe(0);
    const calls = await fixture.invocations();
    expect(calls).toHaveLength(2);
    const saved = await fixture.task('task_001');
    expect(saved).toMatchObject({ status: 'agent_done', handshake_reminders: 1, usage: { input_tokens: 2400, output_tokens: 600 } });
    expect(calls[1]!.argv.slice(calls[1]!.argv.indexOf('resume'))).toEqual(['resume', '--json', saved.thread_id, '-']);
    const reminder = calls[1]!.prompt;
    expect(reminder).toContain('without writing the results file of task_001');
    expect(reminder).toContain(join(result.runDir!, 'results', 'task_001.json'));
    expect(reminder).toContain(`"run_id":"${result.runId}"`);
    expect(events).toContainEqual({ type: 'reminder', taskId: 'task_001', reminder: 1, problem: 'missing' });
    expect(await results(result.runDir!, 'task_001')).toMatchObject({ run_id: result.runId, status: 'completed', accounting: { reminders: 1, attempts: 1 } });
    expect(result.outcomes[0]).toMatchObject({ status: 'agent_done', reminders: 1, fallback: false });
    expect((await readMeta(result.runDir!))?.tasks?.task_001).toMatchObject({ reminders: 1 });
  });

  it('copies the run id of an older brief: the reminder says so, the second write counts', async () => {
    const fixture = await orchestratorFixture([fakeTask('task_001', 'wrong-run-id')]);
    const { result } = await fixture.run();
    const calls = await fixture.invocations();
    expect(calls).toHaveLength(2);
    expect(calls[1]!.prompt).toContain(`has run_id "20000101-000000-1-0000", from an older brief; this run's id is "${result.runId}"`);
    expect(await fixture.task('task_001')).toMatchObject({ status: 'agent_done' });
    expect(await results(result.runDir!, 'task_001')).toMatchObject({ run_id: result.runId, status: 'completed' });
  });

  it('copies an old run id twice: never trusted, blocked (no_results)', async () => {
    const fixture = await orchestratorFixture([fakeTask('task_001', 'wrong-run-id', 'on-resume wrong-run-id')]);
    const { result } = await fixture.run({ autoVerify: true });
    expect(await fixture.invocations()).toHaveLength(2);
    // No verify commands to decide with: the stale results stay untrusted.
    expect(await fixture.task('task_001')).toMatchObject({ status: 'blocked', blocked_reason: 'no_results' });
    expect(await results(result.runDir!, 'task_001')).toMatchObject({ run_id: result.runId, status: 'partial', generated_by: 'planwright' });
  });

  it('never writes results but leaves passing work: with --auto-verify the verify commands decide, done', async () => {
    const task = { ...fakeTask('task_001', 'no-results', 'on-resume no-results', 'write src/a.txt hello'), verify: ['grep -q hello src/a.txt'] };
    const fixture = await orchestratorFixture([task]);
    const { result } = await fixture.run({ autoVerify: true });
    expect(result.exitCode).toBe(0);
    expect(await fixture.invocations()).toHaveLength(2);
    expect(await fixture.task('task_001')).toMatchObject({ status: 'done', verified_by: 'auto', verified_note: 'verify passed (1 command); no results from the agent' });
    expect(await results(result.runDir!, 'task_001')).toMatchObject({
      task_id: 'task_001',
      run_id: result.runId,
      status: 'completed',
      generated_by: 'planwright',
      note: 'no results from the agent; verify passed',
      summary: 'Finished without writing results.',
    });
  });

  it('never writes results and its work fails verify: blocked (no_results), fallback partial', async () => {
    const task = { ...fakeTask('task_001', 'no-results', 'on-resume no-results'), verify: ['test -f src/never.txt'] };
    const fixture = await orchestratorFixture([task]);
    const { result } = await fixture.run({ autoVerify: true, retries: 2 });
    expect(await fixture.invocations()).toHaveLength(2);
    expect(await fixture.task('task_001')).toMatchObject({ status: 'blocked', blocked_reason: 'no_results' });
    expect(await results(result.runDir!, 'task_001')).toMatchObject({ status: 'partial', generated_by: 'planwright' });
  });

  it('writes the results in a code fence with a comment and a trailing comma: read, and the repair recorded', async () => {
    const fixture = await orchestratorFixture([fakeTask('task_001', 'fenced-results')]);
    const { result } = await fixture.run();
    expect(await fixture.invocations()).toHaveLength(1);
    expect(await fixture.task('task_001')).toMatchObject({ status: 'agent_done' });
    // Rewritten as plain JSON, so every later reader (sync, status) sees JSON.
    expect(await results(result.runDir!, 'task_001')).toMatchObject({ run_id: result.runId, status: 'completed', repaired: ['code_fence', 'comments', 'trailing_commas'] });
  });

  it('writes the results into the repo: moved to the run folder with a note, nothing left in the repo', async () => {
    const fixture = await orchestratorFixture([fakeTask('task_001', 'results-in-repo')]);
    const { result } = await fixture.run();
    expect(await fixture.invocations()).toHaveLength(1);
    expect(await fixture.task('task_001')).toMatchObject({ status: 'agent_done' });
    const stray = join(fixture.repo, 'results', 'task_001.json');
    expect(await results(result.runDir!, 'task_001')).toMatchObject({ run_id: result.runId, moved_from: stray, note: expect.stringContaining('moved into the run folder') });
    expect(existsSync(stray)).toBe(false);
  });

  it('--handshake-reminders 0: no reminder, blocked at once', async () => {
    const fixture = await orchestratorFixture([fakeTask('task_001', 'no-results')]);
    await fixture.run({ handshakeReminders: 0 });
    expect(await fixture.invocations()).toHaveLength(1);
    expect(await fixture.task('task_001')).toMatchObject({ status: 'blocked', blocked_reason: 'no_results' });
  });

  it('handshake_reminders = 0 in orchestrator.toml: no reminder; the flag wins over it', async () => {
    const fixture = await orchestratorFixture([fakeTask('task_001', 'no-results'), fakeTask('task_002', 'no-results')]);
    await writeFile(join(fixture.env.CODEX_HOME!, 'orchestrator.toml'), 'handshake_reminders = 0\n');
    await fixture.run({ taskId: 'task_001' });
    expect(await fixture.invocations()).toHaveLength(1);
    await fixture.run({ taskId: 'task_002', handshakeReminders: 1 });
    expect(await fixture.invocations()).toHaveLength(3);
    expect(await fixture.task('task_002')).toMatchObject({ status: 'agent_done' });
  });

  it('an agent that fails (exit 1) gets no reminder', async () => {
    const fixture = await orchestratorFixture([fakeTask('task_001', 'exit 1')]);
    await fixture.run();
    expect(await fixture.invocations()).toHaveLength(1);
    expect((await fixture.task('task_001')).status).toBe('blocked');
  });
});
