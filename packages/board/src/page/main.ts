// The board's page: one event feed, and views that redraw from each state it pushes.
import type { BoardState } from '../state/board-state.js';
import { subscribeState } from './api.js';
import { GraphView } from './graph-view.js';
import { renderPrs } from './prs-view.js';
import { TaskPanel } from './task-panel.js';
import { renderTimeline } from './timeline-view.js';
import { renderTotals } from './totals-view.js';

const byId = (id: string) => document.getElementById(id)!;
const message = byId('message');
const say = (text: string) => (message.textContent = text);
let latest: BoardState | undefined;

const panel = new TaskPanel(byId('panel'), say);
const select = (id: string) => void panel.open(id, latest?.allow_control ?? false);
const graph = new GraphView(byId('graph'), select);

subscribeState(
  (state) => {
    latest = state;
    document.title = `${state.pr} · planwright board`;
    byId('title').textContent = `${state.pr}${state.summary.goal ? ` — ${state.summary.goal}` : ''}`;
    graph.update(state.summary);
    renderTimeline(byId('timeline'), state.timeline, select);
    renderTotals(byId('totals'), state, select);
    renderPrs(byId('prs'), state);
    panel.refresh(state.summary.tasks.find((task) => task.id === panel.current)?.status, state.allow_control);
    document.body.dataset.updated = state.generated_at;
    say('');
  },
  (problem) => say(problem),
);
