import { createReadStream } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { showRun } from '@planwright/run-store';
import { loadPlan } from '@planwright/plan-schema';
import { runControl } from '../control/actions.js';
import { followLog } from '../feed/log-follow.js';
import { openSse } from '../feed/sse.js';
import type { BoardContext } from './context.js';
import { readJsonBody, sendError, sendJson, sendText } from './respond.js';
import { safePath } from './safe-path.js';

/**
 * Every route of the board after the token check: the page and its assets, the state, one task, the
 * event feed, a task's log as a stream, files below `.plans/` and the runs root, and the control buttons.
 */
export async function route(context: BoardContext, request: IncomingMessage, response: ServerResponse, url: URL): Promise<void> {
  const path = url.pathname;
  const method = request.method ?? 'GET';
  if (method === 'POST' && path.startsWith('/api/control/')) return control(context, request, response, path.slice('/api/control/'.length));
  if (method !== 'GET') return sendJson(response, 405, { error: `${method} not allowed` });
  if (path === '/') return sendText(response, 200, 'text/html; charset=utf-8', context.assets.html.replaceAll('%TOKEN%', context.token));
  if (path === '/assets/board.js') return sendText(response, 200, 'text/javascript; charset=utf-8', context.assets.js);
  if (path === '/assets/board.css') return sendText(response, 200, 'text/css; charset=utf-8', context.assets.css);
  if (path === '/api/state') return sendJson(response, 200, await context.state());
  if (path.startsWith('/api/task/')) return sendJson(response, 200, await context.task(decodeURIComponent(path.slice('/api/task/'.length))));
  if (path === '/api/events') return events(context, response);
  if (path.startsWith('/api/log/')) return log(context, response, decodeURIComponent(path.slice('/api/log/'.length)));
  if (path.startsWith('/files/plans/')) return file(response, context.paths.plansDir, path.slice('/files/plans/'.length));
  if (path.startsWith('/files/runs/')) return file(response, context.paths.runsRoot, path.slice('/files/runs/'.length));
  return sendJson(response, 404, { error: `${path}: not found` });
}

function events(context: BoardContext, response: ServerResponse): void {
  const client = openSse(response, () => context.clients.delete(client));
  context.clients.add(client);
  void context.state().then((state) => client.send('state', state), (error: Error) => client.send('problem', { error: error.message }));
}

async function log(context: BoardContext, response: ServerResponse, taskId: string): Promise<void> {
  const plan = await loadPlan(context.paths.planFile);
  const task = plan.tasks.find((candidate) => candidate.id === taskId);
  if (!task) return sendJson(response, 404, { error: `task ${JSON.stringify(taskId)}: no such task` });
  const run = task.run_dir ? await showRun({ runDir: task.run_dir }).catch(() => null) : null;
  const logPath = run?.tasks.find((entry) => entry.task_id === taskId)?.log.path;
  if (!logPath) return sendJson(response, 404, { error: `${taskId}: no agent log yet` });
  const follow = followLog({ file: logPath, onText: (text, reset) => client.send('log', { text, reset }) });
  const client = openSse(response, () => follow.close());
}

async function file(response: ServerResponse, root: string, rest: string): Promise<void> {
  const checked = await safePath(root, rest);
  if (!checked.ok) return sendJson(response, checked.status, { error: checked.reason });
  // Streamed: an agent log may be far bigger than memory should hold.
  response.writeHead(200, { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store', 'x-content-type-options': 'nosniff' });
  createReadStream(checked.file).on('error', () => response.destroy()).pipe(response);
}

async function control(context: BoardContext, request: IncomingMessage, response: ServerResponse, action: string): Promise<void> {
  if (!context.allowControl) return sendJson(response, 403, { error: 'read-only board: start it with --allow-control for the buttons' });
  try {
    const body = await readJsonBody(request);
    const result = await runControl({ paths: context.paths, action, task: typeof body.task === 'string' ? body.task : undefined, env: context.env, background: context.background });
    sendJson(response, 200, result);
  } catch (error) {
    sendError(response, error);
  }
}
