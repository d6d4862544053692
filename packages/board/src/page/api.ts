import type { BoardState } from '../state/board-state.js';
import type { TaskDetail } from '../state/task-detail.js';

// The token comes with the page's URL; every request carries it (EventSource cannot send headers).
const token = new URLSearchParams(location.search).get('token') ?? '';

/** A board URL with the token. */
export function withToken(path: string): string {
  return `${path}${path.includes('?') ? '&' : '?'}token=${encodeURIComponent(token)}`;
}

/** The live state feed: `onState` gets every new state. */
export function subscribeState(onState: (state: BoardState) => void, onProblem: (message: string) => void): EventSource {
  const source = new EventSource(withToken('/api/events'));
  source.addEventListener('state', (event) => onState(JSON.parse((event as MessageEvent<string>).data) as BoardState));
  source.addEventListener('problem', (event) => onProblem((JSON.parse((event as MessageEvent<string>).data) as { error: string }).error));
  return source;
}

/** One task's details for the panel. */
export async function fetchTask(id: string): Promise<TaskDetail> {
  const response = await fetch(withToken(`/api/task/${encodeURIComponent(id)}`));
  if (!response.ok) throw new Error(((await response.json()) as { error: string }).error);
  return (await response.json()) as TaskDetail;
}

/** A control button's call; resolves to the server's answer or throws its error line. */
export async function control(action: string, task?: string): Promise<unknown> {
  const response = await fetch(withToken(`/api/control/${action}`), { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ task }) });
  const body = (await response.json()) as { error?: string; hint?: string };
  if (!response.ok) throw new Error(`${body.error ?? response.statusText}${body.hint ? ` (${body.hint})` : ''}`);
  return body;
}

/** A task's agent log as a stream of appended text. */
export function followTaskLog(id: string, onText: (text: string, reset: boolean) => void): EventSource {
  const source = new EventSource(withToken(`/api/log/${encodeURIComponent(id)}`));
  source.addEventListener('log', (event) => {
    const data = JSON.parse((event as MessageEvent<string>).data) as { text: string; reset: boolean };
    onText(data.text, data.reset);
  });
  return source;
}
