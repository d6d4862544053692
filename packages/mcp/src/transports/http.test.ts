import { existsSync } from 'node:fs';
import { request } from 'node:http';
import { fileURLToPath } from 'node:url';
import { execa } from 'execa';
import type { IncomingMessage } from 'node:http';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { describe, expect, it, onTestFinished } from 'vitest';
import { call, callError, fakeTask, planRepo } from '../../test/mcp-fixture.js';
import { refuseRequest } from './http-guard.js';
import { serveHttp } from './http.js';

const INITIALIZE = JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'initialize', params: { protocolVersion: '2025-06-18', capabilities: {}, clientInfo: { name: 'raw', version: '1' } } });

/** A raw POST to the server, with exactly these headers (Host included). */
function post(port: number, headers: Record<string, string>): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path: '/mcp', method: 'POST', headers: { 'content-type': 'application/json', accept: 'application/json, text/event-stream', ...headers } }, (res) => {
      let body = '';
      res.on('data', (chunk) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode!, body }));
    });
    req.on('error', reject);
    req.end(INITIALIZE);
  });
}

describe('planwright mcp --http', () => {
  it('serves the SDK client that sends the bearer token, and refuses requests without it, with a wrong one, or naming another host or origin', async () => {
    const fixture = await planRepo([fakeTask('task_001')]);
    const http = await serveHttp({ repo: fixture.repo, port: 0 });
    onTestFinished(() => http.close());
    expect(http.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/mcp$/);
    const host = `127.0.0.1:${http.port}`;

    expect(await post(http.port, { host })).toMatchObject({ status: 401, body: expect.stringContaining('missing bearer token') });
    expect(await post(http.port, { host, authorization: 'Bearer nope' })).toMatchObject({ status: 403, body: expect.stringContaining('wrong bearer token') });
    expect(await post(http.port, { host: 'evil.example:80', authorization: `Bearer ${http.token}` })).toMatchObject({ status: 403, body: expect.stringContaining('Host') });
    expect(await post(http.port, { host, origin: 'https://evil.example', authorization: `Bearer ${http.token}` })).toMatchObject({ status: 403, body: expect.stringContaining('Origin') });
    expect((await post(http.port, { host, authorization: `Bearer ${http.token}` })).status).toBe(200);

    const client = new Client({ name: 'test', version: '1.0.0' });
    await client.connect(new StreamableHTTPClientTransport(new URL(http.url), { requestInit: { headers: { authorization: `Bearer ${http.token}` } } }));
    onTestFinished(() => client.close());
    expect(await call(client, 'status', { pr: 'pr-1' })).toMatchObject({ total: 1, runnable: ['task_001'] });
    expect(await callError(client, 'show_task', { pr: 'pr-1', task: 'task_404' })).toMatch(/no such task/);
    expect(await call(client, 'add_tasks', { pr: 'pr-1', tasks: [{ id: 'task_002', title: 'Second' }] })).toMatchObject({ added: ['task_002'] });
  });

  it('refuses a request from an address other than loopback', () => {
    const from = (remoteAddress: string) => ({ socket: { remoteAddress }, headers: { host: '127.0.0.1:1', authorization: 'Bearer t' } }) as unknown as IncomingMessage;
    expect(refuseRequest(from('10.0.0.5'), 't')).toEqual({ status: 403, message: 'requests from 10.0.0.5 are refused: loopback only' });
    expect(refuseRequest(from('::ffff:127.0.0.1'), 't')).toBeUndefined();
  });
});

describe('planwright-mcp --http 0 (the built bin)', () => {
  it('prints the URL and the token at start, serves a client that sends it, and ends on SIGTERM', async () => {
    const bin = fileURLToPath(new URL('../../dist/bin/planwright-mcp.js', import.meta.url));
    if (!existsSync(bin)) throw new Error(`${bin} is missing: build it with "npx -y pnpm@12.21.0 --filter @planwright/mcp build"`);
    const fixture = await planRepo([fakeTask('task_001')]);
    const server = execa(process.execPath, [bin, '--http', '0'], { cwd: fixture.repo, reject: false });
    onTestFinished(async () => {
      server.kill('SIGTERM');
      await server;
    });
    const printed = await new Promise<string>((resolve) => {
      let text = '';
      server.stdout!.on('data', (chunk: Buffer) => {
        text += chunk.toString();
        if (/token: \S+/.test(text)) resolve(text);
      });
    });
    const url = /(http:\/\/127\.0\.0\.1:\d+\/mcp)/.exec(printed)![1]!;
    const token = /token: (\S+)/.exec(printed)![1]!;
    const client = new Client({ name: 'test', version: '1.0.0' });
    await client.connect(new StreamableHTTPClientTransport(new URL(url), { requestInit: { headers: { authorization: `Bearer ${token}` } } }));
    expect(await call(client, 'next', { pr: 'pr-1' })).toMatchObject({ runnable: [{ id: 'task_001' }] });
    await client.close();
    server.kill('SIGTERM');
    expect((await server).exitCode).toBe(0);
  });
});
