import { createServer, type IncomingHttpHeaders, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

/** One request a scripted server received, body parsed as JSON when it is JSON. */
export interface RecordedRequest {
  method: string;
  /** Path and query, as sent (`/v1/responses`, `/v1beta/models/m:streamGenerateContent?alt=sse`). */
  url: string;
  headers: IncomingHttpHeaders;
  /** The parsed JSON body; the raw text when it is not JSON; undefined when empty. */
  body: any;
}

export interface HttpServerHandle {
  /** `http://127.0.0.1:<port>` */
  origin: string;
  port: number;
  requests: RecordedRequest[];
  /** What the server could not answer: a script that ran out, a script function that threw. */
  errors: string[];
  close(): Promise<void>;
}

export type RequestHandler = (request: RecordedRequest, response: ServerResponse) => Promise<void> | void;

/**
 * An HTTP server on 127.0.0.1 with a port the OS picks. It records every request before `handle` answers
 * it; `close()` ends open connections too (an agent CLI keeps them alive), so a test never waits on them.
 */
export async function startHttpServer(handle: RequestHandler): Promise<HttpServerHandle> {
  const requests: RecordedRequest[] = [];
  const errors: string[] = [];
  const sockets = new Set<Socket>();
  const server = createServer((incoming, response) => {
    const chunks: Buffer[] = [];
    incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
    incoming.on('end', () => {
      const request = { method: incoming.method ?? 'GET', url: incoming.url ?? '/', headers: incoming.headers, body: parseBody(Buffer.concat(chunks).toString('utf8')) };
      requests.push(request);
      Promise.resolve()
        .then(() => handle(request, response))
        .catch((error: unknown) => {
          const message = `${request.method} ${request.url}: ${error instanceof Error ? error.message : String(error)}`;
          errors.push(message);
          if (!response.headersSent) sendJson(response, 500, { error: { message } });
          else response.end();
        });
    });
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    port,
    requests,
    errors,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

function parseBody(text: string): unknown {
  if (text === '') return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

export function sendJson(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { 'content-type': 'application/json' });
  response.end(JSON.stringify(body));
}

/** Starts a Server-Sent Events reply; `send` writes one `data:` event (with an `event:` line when named). */
export function startSse(response: ServerResponse): { send(data: unknown, event?: string): void; end(): void } {
  response.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
  return {
    send(data, event) {
      response.write(`${event ? `event: ${event}\n` : ''}data: ${JSON.stringify(data)}\n\n`);
    },
    end: () => response.end(),
  };
}
