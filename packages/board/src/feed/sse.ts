import type { ServerResponse } from 'node:http';

/** One server-sent-events connection. */
export interface SseClient {
  send(event: string, data: unknown): void;
  close(): void;
}

/**
 * Turns a response into an event stream: headers, a comment every 15 s so proxies and the browser keep
 * it open, and `send` writing `event:`/`data:` frames (data as JSON, one line).
 */
export function openSse(response: ServerResponse, onClose: () => void): SseClient {
  response.writeHead(200, {
    'content-type': 'text/event-stream; charset=utf-8',
    'cache-control': 'no-store',
    connection: 'keep-alive',
  });
  response.write(': board\n\n');
  const keepAlive = setInterval(() => response.write(': keep-alive\n\n'), 15_000);
  keepAlive.unref();
  let closed = false;
  const close = () => {
    if (closed) return;
    closed = true;
    clearInterval(keepAlive);
    onClose();
    response.end();
  };
  response.on('close', close);
  return {
    send(event, data) {
      if (!closed) response.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
    },
    close,
  };
}
