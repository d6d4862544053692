/** Serve a PR's board: page, state, event feed, token, control buttons. */
export { startBoard } from './server/server.js';
export type { Board, BoardOptions } from './server/server.js';
/** The board's state of a PR (the `state` event): status summary, runs, timeline, burn-down, the repo's PRs. */
export { boardState } from './state/board-state.js';
export type { BoardState, BoardStateOptions } from './state/board-state.js';
/** One task for the panel: brief, agent and session, log tail, verify output, results, cost, commit diff. */
export { taskDetail } from './state/task-detail.js';
export type { TaskDetail, TaskDetailOptions } from './state/task-detail.js';
/** The Gantt bars of a PR's runs, read from the run folders. */
export { timelineBars } from './state/timeline.js';
export type { TimelineBar } from './state/timeline.js';
/** The burn-down of a plan from its own timestamps. */
export { burnDown } from './state/burn-down.js';
export type { BurnDownPoint } from './state/burn-down.js';
/** Every PR under .plans/ with its counts and runs. */
export { listPrs } from './state/prs.js';
export type { PrEntry } from './state/prs.js';
/** Where a board reads from. */
export { boardPaths } from './state/locate.js';
export type { BoardLocation, BoardPaths } from './state/locate.js';
/** A URL path below a served root, refused when it leaves it (`..`, encoded, absolute, symlinks). */
export { safePath } from './server/safe-path.js';
export type { SafePath } from './server/safe-path.js';
/** The control buttons as library calls. */
export { runControl, CONTROL_ACTIONS } from './control/actions.js';
export type { ControlAction, ControlOptions } from './control/actions.js';
/** Where the built page lives. */
export { pageDir } from './server/assets.js';
