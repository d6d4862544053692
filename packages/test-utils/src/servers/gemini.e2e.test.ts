import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir, tempGitRepo, geminiReply, prepareGeminiHome, type GeminiServer, startGeminiServer } from '../index.js';
import { runAgentCli } from './run-agent-cli.js';

const writeG = () => geminiReply.functionCall('write_file', { file_path: 'g.txt', content: 'hi\n' });
const streamRequests = (server: GeminiServer) => server.requests.filter((request) => request.url.includes(':streamGenerateContent'));

// The real gemini-cli 0.61 against the scripted Gemini API server, offline. gemini has no -C: cwd is the repo.
describe('gemini against startGeminiServer', { timeout: 60_000 }, () => {
  let server: GeminiServer;
  beforeAll(async () => {
    server = await startGeminiServer();
  });
  afterAll(() => server.close());

  it('writes a file with write_file and streams its events (-o stream-json, explicit model)', async () => {
    const repo = await tempGitRepo();
    server.setScript([writeG(), geminiReply.text('done writing')]);
    const { env } = await prepareGeminiHome({ server });
    const run = await runAgentCli('gemini', ['-p', 'write g.txt', '-m', 'gemini-2.5-pro', '-o', 'stream-json', '--approval-mode', 'yolo'], { cwd: repo, env });

    expect(run.exitCode, run.stderr).toBe(0);
    expect(await readFile(join(repo, 'g.txt'), 'utf8')).toBe('hi\n');
    const [init] = run.events;
    expect(init).toMatchObject({ type: 'init', model: 'gemini-2.5-pro' });
    expect(init.session_id).toMatch(/^[0-9a-f-]{36}$/);
    expect(run.events.find((event) => event.type === 'tool_use')).toMatchObject({ tool_name: 'write_file' });
    expect(run.events.find((event) => event.type === 'tool_result')).toMatchObject({ status: 'success' });
    const result = run.events.at(-1);
    expect(result).toMatchObject({ type: 'result', status: 'success' });
    expect(result.stats.models['gemini-2.5-pro']).toMatchObject({ input_tokens: 10, output_tokens: 6 });
    // An explicit model skips the router: only the two agent turns reached the server.
    expect(server.requests.slice(-2).map((request) => request.url)).toEqual(Array(2).fill('/v1beta/models/gemini-2.5-pro:streamGenerateContent?alt=sse'));
  });

  it('reports the session, the answer and the model actually used (-o json, default model via the router)', async () => {
    const repo = await tempGitRepo();
    server.setScript([writeG(), geminiReply.text('done writing')]);
    const { env } = await prepareGeminiHome({ server });
    const before = server.requests.length;
    const run = await runAgentCli('gemini', ['-p', 'write g.txt', '-o', 'json', '--approval-mode', 'yolo'], { cwd: repo, env });

    expect(run.exitCode, run.stderr).toBe(0);
    expect(await readFile(join(repo, 'g.txt'), 'utf8')).toBe('hi\n');
    const output = JSON.parse(run.stdout);
    expect(output.session_id).toMatch(/^[0-9a-f-]{36}$/);
    expect(output.response).toBe('done writing');
    const routed = server.requests.slice(before).find((request) => request.url.includes(':generateContent'));
    const used = /models\/([^:]+):stream/.exec(streamRequests(server).at(-1)?.url ?? '')?.[1] ?? '';
    expect(routed).toBeDefined();
    expect(output.stats.models[used].roles.main).toMatchObject({ totalRequests: 2 });
    expect(output.stats.tools.byName.write_file).toMatchObject({ count: 1, success: 1 });
  });

  it('exits 145 (401 & 0xFF) on a 401 and shows the message in the JSON error on stderr', async () => {
    const repo = await tempGitRepo();
    server.setScript([geminiReply.error(401, 'key rejected by the scripted server')]);
    const { env } = await prepareGeminiHome({ server });
    const run = await runAgentCli('gemini', ['-p', 'hello', '-m', 'gemini-2.5-pro', '-o', 'json'], { cwd: repo, env });

    expect(run.exitCode).toBe(145);
    expect(run.stdout).toBe('');
    const error = JSON.parse(run.stderr.slice(run.stderr.lastIndexOf('\n{\n') + 1));
    expect(error.error).toMatchObject({ code: 401 });
    expect(error.error.message).toContain('key rejected by the scripted server');
  });

  it('fails fast on a 429 with general.maxAttempts 1 in the user settings layer (exit 173)', async () => {
    const repo = await tempGitRepo();
    server.setScript([geminiReply.error(429, 'quota gone'), geminiReply.error(429, 'quota gone (retry)')]);
    const { env } = await prepareGeminiHome({ server, settings: { general: { maxAttempts: 1 } } });
    const before = streamRequests(server).length;
    const run = await runAgentCli('gemini', ['-p', 'hello', '-m', 'gemini-2.5-pro', '-o', 'stream-json'], { cwd: repo, env });

    expect(run.exitCode).toBe(173);
    expect(streamRequests(server).length - before).toBe(1);
    expect(run.stderr).toContain('quota gone');
    expect(run.events.at(-1)).toMatchObject({ type: 'result', status: 'error' });
  });

  it('skips a system defaults file in the OS temp dir (not root-owned all the way up), so its settings never apply', async () => {
    const repo = await tempGitRepo();
    server.setScript([geminiReply.text('unreachable')]);
    const { env, settingsFile } = await prepareGeminiHome({ server });
    // Move the auth type from the user layer into a system defaults file: gemini ignores that file.
    await writeFile(settingsFile, '{}\n');
    const defaults = join(await tempDir(), 'system-defaults.json');
    await writeFile(defaults, JSON.stringify({ security: { auth: { selectedType: 'gemini-api-key' } } }));
    const run = await runAgentCli('gemini', ['-p', 'hello', '-m', 'gemini-2.5-pro', '-o', 'json'], { cwd: repo, env: { ...env, GEMINI_CLI_SYSTEM_DEFAULTS_PATH: defaults } });

    expect(run.stderr).toContain(`Skipping system defaults file '${defaults}'`);
    expect(run.exitCode).toBe(41);
  });
});
