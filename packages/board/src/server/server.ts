import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { UsageError } from '@planwright/cli-kit';
import { loadPlan } from '@planwright/plan-schema';
import type { SseClient } from '../feed/sse.js';
import { watchBoardFiles } from '../feed/watch-files.js';
import { boardState, type BoardState } from '../state/board-state.js';
import { boardPaths, type BoardLocation } from '../state/locate.js';
import { taskDetail } from '../state/task-detail.js';
import { loadPageAssets } from './assets.js';
import type { BoardContext } from './context.js';
import { sendError, sendJson } from './respond.js';
import { route } from './routes.js';
import { checkToken, newToken } from './token.js';

const DOT_DOT = /(^|\/|%2f|\\|%5c)(\.|%2e){2}(\/|%2f|\\|%5c|\?|$)/i;

export interface BoardOptions extends BoardLocation {
  /** Port on 127.0.0.1; 0 (the default) picks a free one. */
  port?: number;
  /** Adds the stop, verify, mark-verified and run-next buttons. */
  allowControl?: boolean;
  /** The URL's token (default: random). */
  token?: string;
  /** File changes closer together than this make one update (default 10 ms). */
  debounceMs?: number;
  /** Environment of the runs and verify commands the buttons start. */
  env?: NodeJS.ProcessEnv;
  /** Where the built page is (default: this package's dist/page). */
  pageDir?: string;
}

/** A running board. */
export interface Board {
  /** The page's address, token included. */
  url: string;
  port: number;
  token: string;
  pr: string;
  /** Stops watching and serving; waits for runs that a button started. */
  close(): Promise<void>;
}

/**
 * Serves the board of a PR on 127.0.0.1: the page, its state as JSON, and server-sent events pushed when
 * a watched file changes. Every request needs the token (401 without, 403 wrong) and a loopback Host
 * header. A plan that cannot be read, or a bad port, is a UsageError before anything listens.
 *
 * @example
 * const board = await startBoard({ repo: '.', pr: 'pr-42' });
 * console.log(board.url);
 * await board.close();
 */
export async function startBoard(options: BoardOptions): Promise<Board> {
  const port = options.port ?? 0;
  if (!Number.isInteger(port) || port < 0 || port > 65_535) throw new UsageError(`--port ${port}: not a port number`, { hint: 'use 1-65535, or 0 for a free one' });
  const paths = boardPaths(options);
  await loadPlan(paths.planFile, { label: paths.label });
  const assets = await loadPageAssets(options.pageDir);
  const token = options.token ?? newToken();
  const clients = new Set<SseClient>();
  const state = () => boardState({ ...options, allowControl: options.allowControl });
  const context: BoardContext = {
    paths, token, assets, clients, env: options.env, allowControl: options.allowControl ?? false, background: new Set(), state,
    task: (task) => taskDetail({ ...options, task }),
  };
  const server = createServer((request, response) => {
    // URL() would quietly resolve `..` away; a request that tries to climb is refused as such.
    if (DOT_DOT.test(request.url ?? '')) return sendJson(response, 403, { error: 'path outside the served folders' });
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    const host = request.headers.host ?? '';
    const address = server.address() as AddressInfo;
    if (host !== `127.0.0.1:${address.port}` && host !== `localhost:${address.port}`) return sendJson(response, 403, { error: `Host ${host}: not this board` });
    const status = checkToken(token, url.searchParams.get('token') ?? request.headers['x-board-token']?.toString() ?? null);
    if (status !== 200) return sendJson(response, status, { error: status === 401 ? 'token missing: open the URL the board printed' : 'wrong token' });
    route(context, request, response, url).catch((error: unknown) => (response.headersSent ? response.end() : sendError(response, error)));
  });
  await listen(server, port);
  const watch = watchBoardFiles({ paths, debounceMs: options.debounceMs, onChange: broadcaster(clients, state) });
  const actual = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${actual}/?token=${token}`,
    port: actual,
    token,
    pr: paths.pr,
    async close() {
      watch.close();
      for (const client of clients) client.close();
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      await closed;
      await Promise.all(context.background);
    },
  };
}

/** On each change: the new state to every client, once per change, and only when it differs. */
function broadcaster(clients: Set<SseClient>, state: () => Promise<BoardState>): () => void {
  let running = false;
  let dirty = false;
  let last = '';
  return async function update() {
    if (running) return void (dirty = true);
    running = true;
    try {
      do {
        dirty = false;
        if (clients.size === 0) continue;
        const next = await state().catch((error: Error) => ({ problem: error.message }));
        const text = JSON.stringify({ ...next, generated_at: undefined });
        if (text === last) continue;
        last = text;
        for (const client of clients) client.send('problem' in next ? 'problem' : 'state', next);
      } while (dirty);
    } finally {
      running = false;
    }
  };
}

function listen(server: Server, port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) =>
      reject(error.code === 'EADDRINUSE' ? new UsageError(`--port ${port}: already in use`, { hint: 'pick another port, or 0 for a free one' }) : error),
    );
    server.listen(port, '127.0.0.1', () => resolve());
  });
}
