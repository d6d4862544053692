import type { SseClient } from '../feed/sse.js';
import type { BoardState } from '../state/board-state.js';
import type { BoardPaths } from '../state/locate.js';
import type { TaskDetail } from '../state/task-detail.js';
import type { PageAssets } from './assets.js';

/** What the routes of one board share. */
export interface BoardContext {
  paths: BoardPaths;
  token: string;
  allowControl: boolean;
  assets: PageAssets;
  env: NodeJS.ProcessEnv | undefined;
  /** The event-feed connections, sent the new state on every change. */
  clients: Set<SseClient>;
  /** Orchestrator runs that the run-next button started. */
  background: Set<Promise<unknown>>;
  state(): Promise<BoardState>;
  task(id: string): Promise<TaskDetail>;
}
