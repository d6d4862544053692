import type { BoardState } from '../state/board-state.js';
import { statusColor } from './colors.js';
import { fill, formatDuration, formatNumber, h, s } from './dom.js';

/** Tasks by status, agent time, tokens, cost, the burn-down, and the blocked tasks with their reasons. */
export function renderTotals(host: HTMLElement, state: BoardState, onSelect: (id: string) => void): void {
  const { summary } = state;
  const counts = Object.entries(summary.counts)
    .filter(([, count]) => count > 0)
    .map(([status, count]) => h('span', { class: 'count', 'data-status': status, style: `border-color:${statusColor(status)}` }, `${count} ${status}`));
  const totals = summary.totals;
  const blocked = summary.blocked.map((entry) => {
    const item = h('li', { class: 'blocked', 'data-id': entry.id }, h('b', {}, entry.id), `: ${entry.reason ?? 'no reason given'}`);
    item.addEventListener('click', () => onSelect(entry.id));
    return item;
  });
  fill(
    host,
    h('div', { class: 'counts' }, `${summary.total} tasks `, ...counts),
    h('div', { class: 'figures' },
      `agent time ${formatDuration(totals.duration_ms)} · tokens in ${formatNumber(totals.input_tokens)} / out ${formatNumber(totals.output_tokens)} · cost $${totals.cost_usd.toFixed(2)} · runnable ${summary.runnable.length}`),
    latestRun(state),
    burnDownChart(state),
    blocked.length ? h('ul', { class: 'blocked-list' }, ...blocked) : null,
  );
}

/** The newest run in one line: its status and, while it goes, what its heartbeat says. */
function latestRun(state: BoardState): HTMLElement | null {
  const run = state.runs[0];
  if (!run) return null;
  const beat = state.heartbeat;
  const waiting = beat ? ` · heartbeat ${new Date(beat.updated_at).toLocaleTimeString()}${beat.task_id ? `, ${beat.task_id}` : ''}${beat.waiting_for ? ` waiting for ${beat.waiting_for}` : ''}${beat.last_event_at ? `, last agent event ${new Date(beat.last_event_at).toLocaleTimeString()}` : ''}` : '';
  return h('div', { class: 'latest-run', 'data-status': run.status }, `latest run ${run.name}: ${run.status}${waiting}`);
}

function burnDownChart(state: BoardState): SVGElement {
  const points = state.burn_down;
  const [width, height] = [320, 70];
  const start = points[0]?.at ?? 0;
  const span = Math.max(1, (points.at(-1)?.at ?? 0) - start);
  const top = Math.max(1, state.summary.total);
  const path = points.map((point, index) => `${index ? 'L' : 'M'}${((point.at - start) / span) * width},${height - (point.remaining / top) * (height - 4)}`).join('');
  return s('svg', { class: 'burn-down', width, height, viewBox: `0 0 ${width} ${height}` }, s('path', { d: path }), s('title', {}, `remaining: ${points.at(-1)?.remaining ?? 0} of ${top}`));
}
