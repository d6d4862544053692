import type { BoardState } from '../state/board-state.js';
import { fill, h } from './dom.js';

/** Every PR of the repository, and the runs of each (newest first, status and tasks). */
export function renderPrs(host: HTMLElement, state: BoardState): void {
  fill(
    host,
    ...state.prs.map((pr) =>
      h('details', { class: `pr${pr.pr === state.pr ? ' current' : ''}`, 'data-pr': pr.pr, ...(pr.pr === state.pr ? { open: '' } : {}) },
        h('summary', {}, h('b', {}, pr.pr), ` ${pr.counts} · ${pr.runs.length} run${pr.runs.length === 1 ? '' : 's'}`),
        h('ul', {}, ...pr.runs.map((run) => h('li', { class: 'run', 'data-status': run.status }, `${run.name} ${run.status}${run.tasks.length ? ` · ${run.tasks.join(', ')}` : ''}`))),
      ),
    ),
  );
}
