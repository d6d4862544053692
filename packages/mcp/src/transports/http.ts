import { randomBytes, randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import { createPlanwrightServer, type PlanwrightServer, type PlanwrightServerOptions } from '../server/create-server.js';
import { refuseRequest } from './http-guard.js';

export interface HttpServeOptions extends PlanwrightServerOptions {
  /** Port on 127.0.0.1 (0: a free one). */
  port: number;
  /** The bearer token (default: 128 random bits). */
  token?: string;
}

/** A running HTTP server: where it is, its token, and how to end it. */
export interface McpHttpServer {
  url: string;
  port: number;
  token: string;
  close(): Promise<void>;
}

/**
 * Serves the planwright MCP server as streamable HTTP on `http://127.0.0.1:<port>/mcp`, one MCP session
 * (and server) per client. Requests without the bearer token, or not from loopback, are refused.
 *
 * @example
 * const http = await serveHttp({ repo: '.', port: 0 });
 * console.log(http.url, http.token);
 */
export async function serveHttp(options: HttpServeOptions): Promise<McpHttpServer> {
  const token = options.token ?? randomBytes(16).toString('base64url');
  const sessions = new Map<string, { transport: StreamableHTTPServerTransport; planwright: PlanwrightServer }>();

  const handle = async (request: IncomingMessage, response: ServerResponse) => {
    const refusal = refuseRequest(request, token);
    if (refusal) return reply(response, refusal.status, refusal.message);
    if (new URL(request.url ?? '/', 'http://127.0.0.1').pathname !== '/mcp') return reply(response, 404, 'the MCP endpoint is /mcp');
    const sessionId = request.headers['mcp-session-id'];
    const existing = typeof sessionId === 'string' ? sessions.get(sessionId) : undefined;
    if (existing) return existing.transport.handleRequest(request, response);
    if (sessionId !== undefined) return reply(response, 404, 'unknown session: initialize again');
    // A request without a session starts one (the transport answers anything but initialize with an error).
    const planwright = createPlanwrightServer(options);
    const transport: StreamableHTTPServerTransport = new StreamableHTTPServerTransport({
      sessionIdGenerator: () => randomUUID(),
      onsessioninitialized: (id) => void sessions.set(id, { transport, planwright }),
    });
    transport.onclose = () => {
      if (transport.sessionId) sessions.delete(transport.sessionId);
      void planwright.close();
    };
    await planwright.server.connect(transport);
    await transport.handleRequest(request, response);
  };

  const server = createServer((request, response) => {
    handle(request, response).catch((error: Error) => reply(response, 500, error.message));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, '127.0.0.1', resolve);
  });
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}/mcp`,
    port,
    token,
    close: async () => {
      await Promise.all([...sessions.values()].map(({ transport }) => transport.close()));
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

function reply(response: ServerResponse, status: number, message: string): void {
  if (response.headersSent) return void response.end();
  response.writeHead(status, { 'content-type': 'application/json' });
  response.end(JSON.stringify({ jsonrpc: '2.0', error: { code: -32000, message }, id: null }));
}
