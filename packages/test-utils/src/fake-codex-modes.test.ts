import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { execArgs, fakeTask, groupCommands, groupMembers, runFake, signalGroup, spawnFake, waitFor } from './fake-codex-test-kit.js';
import { parseJsonLines } from './servers/run-agent-cli.js';

const types = (stdout: string) => parseJsonLines(stdout).map((event) => event.type);

// Each `fake-agent:` mode of the fake Codex CLI, driven as an orchestrator drives codex.
describe('fake-codex modes', () => {
  it('complete: writes the extra files and the results, the last message, and codex-shaped events', async () => {
    const task = await fakeTask('Do it.\n- fake-agent: write src/a.txt hello\\nworld\n- fake-agent: write README.md two words');
    const last = join(task.runDir, 'last_message_task_001.txt');
    const result = await runFake(execArgs(task, '-o', last), { input: task.prompt, env: task.env });

    expect(result.exitCode).toBe(0);
    expect(await readFile(join(task.repo, 'src/a.txt'), 'utf8')).toBe('hello\nworld\n');
    expect(await readFile(join(task.repo, 'README.md'), 'utf8')).toBe('two words\n');
    expect(await task.readResults()).toMatchObject({ task_id: 'task_001', run_id: task.runId, status: 'completed', files_changed: ['src/a.txt', 'README.md'] });
    const events = parseJsonLines(result.stdout);
    expect(events[0].thread_id).toMatch(/^fake-[0-9a-f]{16}$/);
    expect(types(result.stdout)).toEqual(['thread.started', 'turn.started', 'item.completed', 'item.completed', 'item.started', 'item.completed', 'item.completed', 'turn.completed']);
    expect(events[2].item).toMatchObject({ type: 'file_change', changes: [{ path: join(task.repo, 'src/a.txt'), kind: 'add' }] });
    expect(events[5].item).toMatchObject({ type: 'command_execution', exit_code: 0, status: 'completed' });
    expect(events[6].item.type).toBe('agent_message');
    expect(events[7].usage).toEqual({ input_tokens: 1200, cached_input_tokens: 200, cache_write_input_tokens: 0, output_tokens: 300, reasoning_output_tokens: 40 });
    expect(await readFile(last, 'utf8')).toBe(events[6].item.text);
  });

  it('write-unlisted: writes the file but leaves it out of files_changed', async () => {
    const task = await fakeTask('- fake-agent: write a.txt 1\n- fake-agent: write-unlisted test/extra.txt 2');
    const result = await runFake(execArgs(task), { input: task.prompt, env: task.env });
    expect(result.exitCode).toBe(0);
    expect(await readFile(join(task.repo, 'test/extra.txt'), 'utf8')).toBe('2\n');
    expect(await task.readResults()).toMatchObject({ status: 'completed', files_changed: ['a.txt'] });
  });

  it('complete in done-file mode: creates the done marker the brief names, after the results', async () => {
    const task = await fakeTask('', 'task_001', { doneFile: true });
    const done = task.donePath!;
    const result = await runFake(execArgs(task), { input: task.prompt, env: task.env });
    expect(result.exitCode).toBe(0);
    expect(await readFile(done, 'utf8')).toBe('');
    const commands = parseJsonLines(result.stdout).filter((event) => event.type === 'item.completed' && event.item.type === 'command_execution');
    expect(commands.map((event) => event.item.command)).toEqual([`/bin/bash -lc 'cat > ${task.resultsPath}'`, `/bin/bash -lc 'touch ${done}'`]);
  });

  it.each(['partial', 'failed', 'blocked'])('%s: results with that status, exit 0', async (status) => {
    const task = await fakeTask(`fake-agent: ${status}`);
    const result = await runFake(execArgs(task), { input: task.prompt, env: task.env });
    expect(result.exitCode).toBe(0);
    expect(await task.readResults()).toMatchObject({ status, run_id: task.runId });
  });

  it('no-results: ends the turn and exits 0 without results', async () => {
    const task = await fakeTask('fake-agent: no-results');
    const result = await runFake(execArgs(task), { input: task.prompt, env: task.env });
    expect(result.exitCode).toBe(0);
    expect(types(result.stdout).at(-1)).toBe('turn.completed');
    expect(existsSync(task.resultsPath)).toBe(false);
  });

  it('wrong-run-id: results that name another run', async () => {
    const task = await fakeTask('fake-agent: wrong-run-id');
    expect((await runFake(execArgs(task), { input: task.prompt, env: task.env })).exitCode).toBe(0);
    const results = await task.readResults();
    expect(results.task_id).toBe('task_001');
    expect(results.run_id).not.toBe(task.runId);
  });

  it('fenced-results: the results JSON in a code fence, with a comment and a trailing comma', async () => {
    const task = await fakeTask('fake-agent: fenced-results');
    expect((await runFake(execArgs(task), { input: task.prompt, env: task.env })).exitCode).toBe(0);
    const text = await readFile(task.resultsPath, 'utf8');
    expect(text).toMatch(/^```json\n\/\/ results of task_001\n\{\n/);
    expect(text).toMatch(/,\n\}\n```\n$/);
    expect(() => JSON.parse(text)).toThrow();
  });

  it('results-in-repo: results/<id>.json under the working folder, none in the run folder', async () => {
    const task = await fakeTask('fake-agent: results-in-repo');
    expect((await runFake(execArgs(task), { input: task.prompt, env: task.env })).exitCode).toBe(0);
    expect(existsSync(task.resultsPath)).toBe(false);
    expect(JSON.parse(await readFile(join(task.repo, 'results', 'task_001.json'), 'utf8'))).toMatchObject({ task_id: 'task_001', run_id: task.runId });
  });

  it.each([
    ['fake-agent: exit 1', {}, 1, 'unexpected status 401 Unauthorized'],
    ['fake-agent: exit 3', { FAKE_AGENT_ERROR: 'exceeded retry limit, last status: 429' }, 3, 'exceeded retry limit, last status: 429'],
  ])('%s: turn.failed with the message, no results, that exit code', async (brief, extraEnv, code, message) => {
    const task = await fakeTask(brief);
    const result = await runFake(execArgs(task), { input: task.prompt, env: { ...task.env, ...extraEnv } });
    expect(result.exitCode).toBe(code);
    expect(parseJsonLines(result.stdout).at(-1)).toEqual({ type: 'turn.failed', error: { message } });
    expect(result.stderr).toContain(message);
    expect(existsSync(task.resultsPath)).toBe(false);
  });

  it('slow: keeps emitting events for that many seconds, then completes', async () => {
    const task = await fakeTask('fake-agent: slow 1.2');
    const started = Date.now();
    const result = await runFake(execArgs(task), { input: task.prompt, env: task.env });
    expect(Date.now() - started).toBeGreaterThanOrEqual(1200);
    expect(parseJsonLines(result.stdout).filter((event) => event.item?.type === 'reasoning').length).toBeGreaterThanOrEqual(1);
    expect((await task.readResults()).status).toBe('completed');
  });

  it('takes FAKE_AGENT_MODE as the default, lets the first mode line win, and rejects unknown modes', async () => {
    const fromEnv = await fakeTask('no directive here');
    await runFake(execArgs(fromEnv), { input: fromEnv.prompt, env: { ...fromEnv.env, FAKE_AGENT_MODE: 'blocked' } });
    expect((await fromEnv.readResults()).status).toBe('blocked');

    const twoLines = await fakeTask('fake-agent: failed\nfake-agent: partial');
    await runFake(execArgs(twoLines), { input: twoLines.prompt, env: { ...twoLines.env, FAKE_AGENT_MODE: 'blocked' } });
    expect((await twoLines.readResults()).status).toBe('failed');

    const unknown = await fakeTask('fake-agent: dance');
    const result = await runFake(execArgs(unknown), { input: unknown.prompt, env: unknown.env });
    expect(result.exitCode).toBe(1);
    expect(result.stderr).toContain("unknown fake-agent mode 'dance'");
  });

  it('huge-output: streams that many MB of JSONL, then completes', async () => {
    const task = await fakeTask('fake-agent: huge-output 8');
    const result = await runFake(execArgs(task), { input: task.prompt, env: task.env });
    expect(result.exitCode).toBe(0);
    expect(result.stdout.length).toBeGreaterThanOrEqual(8 * 1024 * 1024);
    expect(types(result.stdout).at(-1)).toBe('turn.completed');
    expect((await task.readResults()).status).toBe('completed');
  });

  describe('modes that never exit (each run in its own process group)', () => {
    async function startHanging(brief: string) {
      const task = await fakeTask(brief);
      const child = spawnFake(execArgs(task), { env: task.env });
      child.stdin?.end(task.prompt);
      const pgid = child.pid;
      if (pgid === undefined) throw new Error('the fake did not start');
      // The fake and its grandchild, once that is `sleep 3600` (its signal dispositions are set by then).
      await waitFor(() => groupCommands(pgid).includes('sleep') && groupMembers(pgid).length === 2);
      return { task, child, pgid };
    }

    it('hang: no results; SIGTERM to the agent alone orphans the grandchild, as with codex; the group ends both', async () => {
      const { task, child, pgid } = await startHanging('fake-agent: hang');
      await sleep(300);
      expect(existsSync(task.resultsPath)).toBe(false);
      process.kill(pgid, 'SIGTERM');
      expect((await child).signal).toBe('SIGTERM');
      expect(groupMembers(pgid)).toHaveLength(1);
      signalGroup(pgid, 'SIGKILL');
      await waitFor(() => groupMembers(pgid).length === 0);
    });

    it('hang: SIGINT ends the agent with exit 1 and its grandchild', async () => {
      const { child, pgid } = await startHanging('fake-agent: hang');
      process.kill(pgid, 'SIGINT');
      expect((await child).exitCode).toBe(1);
      await waitFor(() => groupMembers(pgid).length === 0);
    });

    it('hang-ignore-term: survives SIGTERM to the whole group; only SIGKILL ends it', async () => {
      const { child, pgid } = await startHanging('fake-agent: hang-ignore-term');
      signalGroup(pgid, 'SIGTERM');
      await sleep(500);
      expect(groupMembers(pgid)).toHaveLength(2);
      signalGroup(pgid, 'SIGKILL');
      expect((await child).signal).toBe('SIGKILL');
      await waitFor(() => groupMembers(pgid).length === 0);
    });

    it('results-no-exit: valid results, no turn.completed, and the process keeps running', async () => {
      const { task, child, pgid } = await startHanging('fake-agent: results-no-exit');
      const results = await waitFor(() => task.readResults().catch(() => undefined));
      expect(results).toMatchObject({ status: 'completed', run_id: task.runId });
      await sleep(300);
      expect(groupMembers(pgid)).toHaveLength(2);
      signalGroup(pgid, 'SIGKILL');
      const ended = await child;
      expect(types(String(ended.stdout))).not.toContain('turn.completed');
    });
  });
});
