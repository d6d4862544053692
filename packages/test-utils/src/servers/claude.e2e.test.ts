import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempGitRepo, claudeReply, prepareClaudeHome, type ClaudeServer, startClaudeServer } from '../index.js';
import { runAgentCli } from './run-agent-cli.js';

const headless = (prompt: string) => ['-p', '--output-format', 'stream-json', '--verbose', '--permission-mode', 'bypassPermissions', prompt];

// The real claude-code 2.1 against the scripted Messages API server, offline.
describe('claude against startClaudeServer', { timeout: 60_000 }, () => {
  let server: ClaudeServer;
  beforeAll(async () => {
    server = await startClaudeServer();
  });
  afterAll(() => server.close());

  it('writes files with Write and Bash, then reports the session and usage in its result event', async () => {
    const repo = await tempGitRepo();
    server.setScript([
      claudeReply.toolUse('Write', { file_path: join(repo, 'c.txt'), content: 'from-write\n' }),
      claudeReply.toolUse('Bash', { command: 'echo from-bash > b.txt', description: 'Write b.txt' }),
      claudeReply.text('all done'),
    ]);
    const { env } = await prepareClaudeHome({ server });
    const run = await runAgentCli('claude', headless('write two files'), { cwd: repo, env });

    expect(run.exitCode, run.stderr).toBe(0);
    expect(await readFile(join(repo, 'c.txt'), 'utf8')).toBe('from-write\n');
    expect(await readFile(join(repo, 'b.txt'), 'utf8')).toBe('from-bash\n');
    const init = run.events[0];
    expect(init).toMatchObject({ type: 'system', subtype: 'init', cwd: repo, permissionMode: 'bypassPermissions' });
    const result = run.events.at(-1);
    expect(result).toMatchObject({ type: 'result', subtype: 'success', is_error: false, result: 'all done', num_turns: 3, session_id: init.session_id });
    // Three replies of 5 input / 3 output tokens.
    expect(result.usage).toMatchObject({ input_tokens: 15, output_tokens: 9 });
    const toolResults = run.events.filter((event) => event.type === 'user').flatMap((event) => event.message.content);
    expect(toolResults.map((block: { is_error?: boolean }) => block.is_error ?? false)).toEqual([false, false]);
    expect(server.errors).toEqual([]);
  });

  it.each([
    [401, 'key rejected', 'Failed to authenticate. API Error: 401 key rejected'],
    [429, 'slow down', 'API Error: Request rejected (429) · slow down'],
  ])('exits 1 on an HTTP %i with the message in the result (CLAUDE_CODE_MAX_RETRIES=0)', async (status, message, shown) => {
    const repo = await tempGitRepo();
    server.setScript([claudeReply.error(status, message)]);
    const { env } = await prepareClaudeHome({ server, maxRetries: 0 });
    const run = await runAgentCli('claude', headless('hello'), { cwd: repo, env });

    expect(run.exitCode).toBe(1);
    expect(run.events.at(-1)).toMatchObject({ type: 'result', subtype: 'success', is_error: true, api_error_status: status, result: shown });
  });

  it('retries even a 401 unless told not to (one system/api_retry event with CLAUDE_CODE_MAX_RETRIES=1)', async () => {
    const repo = await tempGitRepo();
    server.setScript([claudeReply.error(401, 'first'), claudeReply.error(401, 'second')]);
    const { env } = await prepareClaudeHome({ server, maxRetries: 1 });
    const run = await runAgentCli('claude', headless('hello'), { cwd: repo, env });

    expect(run.exitCode).toBe(1);
    expect(run.events.filter((event) => event.subtype === 'api_retry')).toMatchObject([{ attempt: 1, error_status: 401 }]);
    expect(run.events.at(-1).result).toContain('second');
  });
});
