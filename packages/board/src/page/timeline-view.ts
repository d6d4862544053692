import type { TimelineBar } from '../state/timeline.js';
import { fill, formatDuration, s } from './dom.js';

const ROW = 22;
const LABEL = 150;
const WIDTH = 900;

/**
 * The Gantt chart of the runs: a row per task, a bar per attempt from its start to its end, the verify
 * commands as their own bar after the agent's, retries (`×N`) and timeouts marked, running bars open.
 */
export function renderTimeline(host: HTMLElement, bars: TimelineBar[], onSelect: (id: string) => void): void {
  if (bars.length === 0) return fill(host, 'No runs yet.');
  const rows = [...new Set(bars.map((bar) => bar.task_id))];
  const start = Math.min(...bars.map((bar) => bar.start));
  const end = Math.max(...bars.map((bar) => Math.max(bar.agent_end, bar.verify?.end ?? 0)));
  const scale = (WIDTH - LABEL - 10) / Math.max(1, end - start);
  const x = (at: number) => LABEL + (at - start) * scale;
  const height = rows.length * ROW + 24;
  const svg = s('svg', { class: 'timeline', width: WIDTH, height, viewBox: `0 0 ${WIDTH} ${height}` });
  svg.append(s('text', { class: 'axis', x: LABEL, y: height - 6 }, new Date(start).toLocaleTimeString()), s('text', { class: 'axis', x: WIDTH - 10, y: height - 6, 'text-anchor': 'end' }, `${new Date(end).toLocaleTimeString()} (${formatDuration(end - start)})`));
  rows.forEach((id, index) => {
    const label = s('text', { class: 'row-label', x: 4, y: index * ROW + 15 }, id);
    label.addEventListener('click', () => onSelect(id));
    svg.append(label);
  });
  for (const bar of bars) {
    const y = rows.indexOf(bar.task_id) * ROW + 3;
    const kind = bar.outcome === 'timeout' ? ' timeout' : bar.running ? ' running' : '';
    const agent = s('rect', { class: `bar bar-agent${kind}`, x: x(bar.start), y, width: Math.max(2, (bar.agent_end - bar.start) * scale), height: ROW - 6, 'data-task': bar.task_id, 'data-run': bar.run },
      s('title', {}, `${bar.task_id} in ${bar.run}: agent ${formatDuration(bar.agent_end - bar.start)}, ${bar.outcome}${bar.attempts > 1 ? `, ${bar.attempts} attempts` : ''}`));
    svg.append(agent);
    if (bar.verify) {
      svg.append(s('rect', { class: 'bar bar-verify', x: x(bar.verify.start), y, width: Math.max(2, (bar.verify.end - bar.verify.start) * scale), height: ROW - 6, 'data-task': bar.task_id },
        s('title', {}, `${bar.task_id}: verify ${formatDuration(bar.verify.end - bar.verify.start)}`)));
    }
    if (bar.attempts > 1 || bar.outcome === 'timeout') {
      const mark = bar.outcome === 'timeout' ? '⏱ timeout' : `×${bar.attempts}`;
      svg.append(s('text', { class: 'bar-mark', x: x(bar.verify?.end ?? bar.agent_end) + 4, y: y + 12 }, mark));
    }
  }
  fill(host, svg);
}
