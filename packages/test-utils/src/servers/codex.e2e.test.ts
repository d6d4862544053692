import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { renderHandshakeBlock } from '@planwright/handshake/handshake-block';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempGitRepo, tempDir, writeFiles, type CodexServer, startCodexServer, codexReply, prepareCodexHome, followBriefAgent } from '../index.js';
import { runAgentCli } from './run-agent-cli.js';

// The real codex-cli 0.169 against the scripted Responses API server, offline.
describe('codex against startCodexServer', { timeout: 60_000 }, () => {
  let server: CodexServer;
  beforeAll(async () => {
    server = await startCodexServer();
  });
  afterAll(() => server.close());

  async function codex(args: string[], input: string, cwd: string) {
    const { env } = await prepareCodexHome({ server });
    return { env, run: await runAgentCli('codex', args, { cwd, env, input }) };
  }

  it('writes files through exec_command and apply_patch, then reports the thread and usage', async () => {
    const repo = await tempGitRepo({ files: { 'README.md': '# r\n' } });
    server.setScript([
      codexReply.exec('echo from-exec > exec.txt'),
      codexReply.patch('*** Begin Patch\n*** Add File: patch.txt\n+from-patch\n*** End Patch\n'),
      codexReply.message('all done'),
    ]);
    const last = join(await tempDir(), 'last.txt');
    const { run } = await codex(['exec', '--json', '--skip-git-repo-check', '-s', 'workspace-write', '-C', repo, '-o', last, '-'], 'write two files', repo);

    expect(run.exitCode, run.stderr).toBe(0);
    expect(await readFile(join(repo, 'exec.txt'), 'utf8')).toBe('from-exec\n');
    expect(await readFile(join(repo, 'patch.txt'), 'utf8')).toBe('from-patch\n');
    expect(await readFile(last, 'utf8')).toBe('all done');
    const types = run.events.map((event) => event.type);
    expect(types[0]).toBe('thread.started');
    expect(run.events[0].thread_id).toMatch(/^[0-9a-f-]{36}$/);
    expect(types.at(-1)).toBe('turn.completed');
    const items = run.events.filter((event) => event.type === 'item.completed').map((event) => event.item);
    expect(items.find((item) => item.type === 'command_execution')).toMatchObject({ exit_code: 0, status: 'completed' });
    expect(items.find((item) => item.type === 'file_change')?.changes[0]).toMatchObject({ path: join(repo, 'patch.txt'), kind: 'add' });
    expect(items.at(-1)).toMatchObject({ type: 'agent_message', text: 'all done' });
    // Three model requests of 100/20/10/2 tokens each, added up over the turn.
    expect(run.events.at(-1).usage).toMatchObject({ input_tokens: 300, cached_input_tokens: 60, output_tokens: 30, reasoning_output_tokens: 6 });
    const first = server.requests.at(-3)?.body;
    expect(first.model).toBe('gpt-5.5');
    expect(first.input.at(-1).content[0].text).toBe('write two files');
    expect(server.errors).toEqual([]);
  });

  it.each([
    [401, 'bad key', /unexpected status 401 Unauthorized: bad key/],
    // codex 0.169 does not show the server's message for a 429, only the status.
    [429, 'slow down', /exceeded retry limit, last status: 429 Too Many Requests/],
  ])('fails the turn with exit 1 on an HTTP %i', async (status, message, shown) => {
    const repo = await tempGitRepo();
    server.setScript([codexReply.error(status, message)]);
    const { run } = await codex(['exec', '--json', '--skip-git-repo-check', '-C', repo, '-'], 'hello', repo);

    expect(run.exitCode).toBe(1);
    const failed = run.events.find((event) => event.type === 'turn.failed');
    expect(failed?.error.message).toMatch(shown);
    expect(run.events.some((event) => event.type === 'turn.completed')).toBe(false);
  });

  describe('followBriefAgent', () => {
    async function runDirWith(ids: string[], runId: string) {
      const runDir = await tempDir('planwright-run-');
      const brief = (id: string) => `# ${id}\n\n${renderHandshakeBlock({ taskId: id, runId, resultsPath: join(runDir, 'results', `${id}.json`) })}`;
      await writeFiles(runDir, Object.fromEntries(ids.map((id) => [`tasks/${id}.md`, brief(id)])));
      return runDir;
    }
    const prompt = (runDir: string, id: string, runId: string) =>
      `You are a code agent working on one task.\nRead and follow the instructions in: ${runDir}/tasks/${id}.md\n`
      + `When you are done, write a JSON summary to: ${runDir}/results/${id}.json\nrun_id=${runId}\n`;

    it('writes correct results for two tasks in a row, as an orchestrator would run them', async () => {
      const repo = await tempGitRepo({ files: { 'README.md': '# r\n' } });
      const runId = '20261124-170000-4242-beef';
      const runDir = await runDirWith(['task_001', 'task_002'], runId);
      server.setScript(followBriefAgent({ files: { 'src/hello.txt': 'hi\n' } }));
      for (const id of ['task_001', 'task_002']) {
        const { run } = await codex(
          ['exec', '--json', '--skip-git-repo-check', '-s', 'workspace-write', '-C', repo, '--add-dir', runDir, '-o', join(runDir, `last_message_${id}.txt`), '-'],
          prompt(runDir, id, runId), repo,
        );
        expect(run.exitCode, run.stderr).toBe(0);
        const results = JSON.parse(await readFile(join(runDir, 'results', `${id}.json`), 'utf8'));
        expect(results).toEqual({ task_id: id, run_id: runId, status: 'completed', summary: `Did ${id}.`, files_changed: ['src/hello.txt'], notes: '' });
        expect(await readFile(join(runDir, `last_message_${id}.txt`), 'utf8')).toContain(`Finished ${id}`);
      }
      expect(await readFile(join(repo, 'src/hello.txt'), 'utf8')).toBe('hi\n');
      expect(server.errors).toEqual([]);
    });

    it('resumes a thread by id: same thread, new results, usage added up over the thread', async () => {
      const repo = await tempGitRepo({ files: { 'README.md': '# r\n' } });
      const runDir = await runDirWith(['task_001'], '20261124-170000-1-aaaa');
      server.setScript(followBriefAgent());
      const { env, run: first } = await codex(
        ['exec', '--json', '--skip-git-repo-check', '-s', 'workspace-write', '-C', repo, '--add-dir', runDir, '-'],
        prompt(runDir, 'task_001', '20261124-170000-1-aaaa'), repo,
      );
      expect(first.exitCode, first.stderr).toBe(0);
      const threadId = first.events[0].thread_id;

      const resumed = await runAgentCli('codex',
        ['exec', '--skip-git-repo-check', '-s', 'workspace-write', '-C', repo, '--add-dir', runDir, 'resume', '--json', threadId, '-'],
        // The resume repeats the handshake section for another run, as a new invocation would.
        { cwd: repo, env, input: `Verification failed: \`npm test\` exited 1. Fix it, then write the results again.\n\n${renderHandshakeBlock({ taskId: 'task_001', runId: '20261124-180000-2-bbbb', resultsPath: join(runDir, 'results', 'task_001.json') })}` });

      expect(resumed.exitCode, resumed.stderr).toBe(0);
      expect(resumed.events[0]).toEqual({ type: 'thread.started', thread_id: threadId });
      const results = JSON.parse(await readFile(join(runDir, 'results', 'task_001.json'), 'utf8'));
      expect(results).toMatchObject({ task_id: 'task_001', run_id: '20261124-180000-2-bbbb', status: 'completed' });
      const usage = (run: typeof first) => run.events.find((event) => event.type === 'turn.completed').usage.input_tokens;
      expect(usage(resumed)).toBe(usage(first) * 2);
      // The resumed request carries the whole thread: the first prompt is still in it.
      expect(JSON.stringify(server.requests.at(-1)?.body.input)).toContain('tasks/task_001.md');
    });
  });
});
