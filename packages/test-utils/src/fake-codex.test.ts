import { readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { renderHandshakeBlock } from '@planwright/handshake/handshake-block';
import { execa } from 'execa';
import { describe, expect, it } from 'vitest';
import { fakeCodexOnPath, fakeCodexPath } from './fake-codex.js';
import { execArgs, fakeTask, runFake, spawnFake, waitFor } from './fake-codex-test-kit.js';
import { writeFiles } from './temp-dir.js';
import { parseJsonLines } from './servers/run-agent-cli.js';

// The command line, stdin and log of the fake Codex CLI; its modes are in fake-codex-modes.test.ts.
describe('fake-codex command line', () => {
  it('prints codex-cli 0.169.0, or FAKE_CODEX_VERSION', async () => {
    expect((await runFake(['--version'])).stdout).toBe('codex-cli 0.169.0');
    expect((await runFake(['--version'], { env: { FAKE_CODEX_VERSION: '0.170.2' } })).stdout).toBe('codex-cli 0.170.2');
  });

  it('lists the exec flags of 0.169 in `exec --help`, without --full-auto', async () => {
    const help = (await runFake(['exec', '--help'])).stdout;
    for (const flag of ['-C, --cd', '--add-dir', '--skip-git-repo-check', '--json', '-o, --output-last-message', '-s, --sandbox', '--dangerously-bypass-approvals-and-sandbox', '-m, --model', '-c, --config', '--ephemeral', 'resume']) {
      expect(help).toContain(flag);
    }
    expect(help).not.toContain('--full-auto');
  });

  it('rejects --full-auto with a usage error (exit 2) unless FAKE_CODEX_FULL_AUTO=1', async () => {
    const task = await fakeTask();
    const refused = await runFake(execArgs(task, '--full-auto'), { input: task.prompt, env: task.env });
    expect(refused.exitCode).toBe(2);
    expect(refused.stderr).toContain("error: unexpected argument '--full-auto' found");

    const env = { ...task.env, FAKE_CODEX_FULL_AUTO: '1' };
    expect((await runFake(['exec', '--help'], { env })).stdout).toContain('--full-auto');
    const accepted = await runFake(execArgs(task, '--full-auto'), { input: task.prompt, env });
    expect(accepted.exitCode).toBe(0);
  });

  it.each([
    [['exec', '--bogus', '-'], "unexpected argument '--bogus' found"],
    [['exec', '-s', 'all', '-'], "invalid value 'all' for '--sandbox <SANDBOX_MODE>'"],
    [['exec', 'resume', '-C', '/tmp', 'fake-1', '-'], "unexpected argument '-C' found"],
    [['exec', 'one', 'two'], "unexpected argument 'two' found"],
    [['login'], 'fake-codex simulates only `codex exec`'],
  ])('exits 2 on a bad command line: %j', async (args, message) => {
    const result = await runFake(args);
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toContain(message);
  });

  it('logs argv, cwd, pid, pgid, whether stdin was closed, and the prompt', async () => {
    const task = await fakeTask();
    const child = spawnFake(execArgs(task), { env: task.env });
    child.stdin?.end(task.prompt);
    const result = await child;
    const [entry] = await task.readLog();
    expect(result.exitCode).toBe(0);
    expect(entry).toMatchObject({ argv: execArgs(task), cwd: process.cwd(), pid: child.pid, pgid: child.pid, stdin_was_closed: true, prompt: task.prompt });
  });

  it('waits for EOF when stdin stays open, logging that it was left open', async () => {
    const task = await fakeTask();
    const child = spawnFake(execArgs(task), { env: task.env });
    child.stdin?.write(task.prompt);
    const [entry] = await waitFor(() => task.readLog().catch(() => undefined));
    expect(entry).toMatchObject({ stdin_was_closed: false, prompt: task.prompt });
    expect(child.exitCode).toBeNull();
    child.stdin?.end();
    expect((await child).exitCode).toBe(0);
    expect((await task.readResults()).status).toBe('completed');
  });

  it('takes the prompt as an argument too, and fails without one', async () => {
    const task = await fakeTask();
    const withArgument = await runFake(['exec', '--json', '--skip-git-repo-check', '-C', task.repo, task.prompt], { env: task.env });
    expect(withArgument.exitCode).toBe(0);
    expect((await task.readResults()).run_id).toBe(task.runId);
    const empty = await runFake(execArgs(task), { input: '', env: task.env });
    expect(empty.exitCode).toBe(1);
    expect(empty.stderr).toContain('No prompt provided via stdin.');
  });

  it('refuses a folder outside git without --skip-git-repo-check, like codex', async () => {
    const task = await fakeTask();
    const result = await runFake(['exec', '--json', '-C', task.runDir, '-'], { input: task.prompt, env: task.env });
    expect(result.exitCode).toBe(1);
    expect(result.stderr).toContain('--skip-git-repo-check was not specified');
  });

  it('finds the brief a prompt points at relative to -C, and takes the handshake from the brief, not the prompt', async () => {
    const task = await fakeTask();
    const run = relative(task.repo, task.runDir);
    const resultsPath = join(task.runDir, 'results/t-2.json');
    await writeFiles(task.runDir, { 'tasks/t-2.md': `# t-2\n\n${renderHandshakeBlock({ taskId: 't-2', runId: 'r-77', resultsPath })}` });
    const prompt = `Your brief: \`${run}/tasks/t-2.md\`.\nresults_path="${run}/results/elsewhere.json"\n"run_id": "not-this"\n`;
    const result = await runFake(execArgs(task), { input: prompt, env: task.env });
    expect(result.exitCode).toBe(0);
    expect(JSON.parse(await readFile(resultsPath, 'utf8'))).toMatchObject({ task_id: 't-2', run_id: 'r-77', status: 'completed' });
  });

  it('writes no results when the brief has no handshake section, and says so', async () => {
    const task = await fakeTask();
    await writeFiles(task.runDir, { 'tasks/task_001.md': `Handshake: write your results to ${task.resultsPath} with run_id=from-prose-1\n` });
    const result = await runFake(execArgs(task), { input: task.prompt, env: task.env });
    expect(result.exitCode).toBe(0);
    expect(result.stderr).toContain('fake-codex: no results path in the prompt or the brief');
    await expect(task.readResults()).rejects.toThrow(/ENOENT/);
  });

  it('is found on PATH as `codex` through fakeCodexOnPath', async () => {
    const { env, codexPath } = await fakeCodexOnPath();
    const result = await execa('codex', ['--version'], { env });
    expect(result.stdout).toBe('codex-cli 0.169.0');
    expect(codexPath.endsWith('/codex')).toBe(true);
    expect(fakeCodexPath().endsWith('bin/fake-codex.mjs')).toBe(true);
  });

  it('resumes a thread by id: same thread, usage added up, `on-resume` mode, -C before resume', async () => {
    const task = await fakeTask('fake-agent: complete\nfake-agent: on-resume partial');
    const first = await runFake(execArgs(task), { input: task.prompt, env: task.env });
    const [started] = parseJsonLines(first.stdout);
    const resumeArgs = ['exec', '--skip-git-repo-check', '-C', task.repo, 'resume', '--json', started.thread_id, '-'];
    // A resume that repeats the handshake section for another run (doctor's resume of a new invocation).
    const handshake = renderHandshakeBlock({ taskId: 'task_001', runId: '20261124-180000-1-cafe', resultsPath: task.resultsPath });
    const resumed = await runFake(resumeArgs, { input: `Verification failed; fix it.\n\n${handshake}`, env: task.env });

    expect(resumed.exitCode).toBe(0);
    const events = parseJsonLines(resumed.stdout);
    expect(events[0]).toEqual({ type: 'thread.started', thread_id: started.thread_id });
    const usage = (stdout: string) => parseJsonLines(stdout).find((event) => event.type === 'turn.completed').usage;
    expect(usage(resumed.stdout).input_tokens).toBe(2 * usage(first.stdout).input_tokens);
    expect(await task.readResults()).toMatchObject({ status: 'partial', run_id: '20261124-180000-1-cafe', task_id: 'task_001' });
  });

  it('fails a resume of an unknown thread, or of an --ephemeral one (exit 1)', async () => {
    const task = await fakeTask();
    const ephemeral = await runFake(execArgs(task, '--ephemeral'), { input: task.prompt, env: task.env });
    const [started] = parseJsonLines(ephemeral.stdout);
    for (const id of ['fake-0000000000000000', started.thread_id]) {
      const result = await runFake(['exec', '--skip-git-repo-check', 'resume', '--json', id, '-'], { input: 'go on', env: task.env });
      expect(result.exitCode).toBe(1);
      expect(result.stderr).toContain(`no rollout found for thread id ${id}`);
    }
  });
});
