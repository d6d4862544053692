import { watch, type FSWatcher } from 'node:fs';
import { join } from 'node:path';
import { runDirNames } from '@planwright/run-store';
import type { BoardPaths } from '../state/locate.js';

export interface WatchBoardOptions {
  paths: BoardPaths;
  /** Changes closer together than this make one call (default 10 ms). */
  debounceMs?: number;
  /** How many of the newest runs are watched inside (default 5); older runs change no more. */
  watchedRuns?: number;
  onChange: () => void;
}

/** The watchers of a board; `close` ends them all. */
export interface BoardWatch {
  close(): void;
  /** The folders watched now (for tests and diagnostics). */
  folders(): string[];
}

/**
 * Watches the files a board shows, with fs.watch (no polling): the plan folder (plan.json is replaced
 * atomically, so its folder is what changes), `.plans/` (new PRs), the runs root (new runs), and inside
 * the newest runs meta.json, control/ (heartbeat), results/ and tasks/. Folders that appear later are
 * picked up on the next change; bursts of events are debounced into one `onChange`.
 */
export function watchBoardFiles(options: WatchBoardOptions): BoardWatch {
  const watchers = new Map<string, FSWatcher>();
  let timer: NodeJS.Timeout | undefined;
  let closed = false;
  const fire = () => {
    if (closed) return;
    clearTimeout(timer);
    timer = setTimeout(() => {
      void rearm();
      options.onChange();
    }, options.debounceMs ?? 10);
  };
  const add = (dir: string) => {
    if (watchers.has(dir) || closed) return;
    try {
      const watcher = watch(dir, { persistent: false }, fire);
      watcher.on('error', () => {
        watcher.close();
        watchers.delete(dir);
      });
      watchers.set(dir, watcher);
    } catch {
      // Not there (yet): a change in its parent adds it later.
    }
  };
  const rearm = async () => {
    const { paths } = options;
    for (const dir of [paths.plansDir, paths.planDir, paths.runsRoot]) add(dir);
    const names = (await runDirNames(paths.runsRoot).catch(() => [] as string[])).slice(-(options.watchedRuns ?? 5));
    for (const name of names) {
      const runDir = join(paths.runsRoot, name);
      for (const dir of [runDir, join(runDir, 'control'), join(runDir, 'results'), join(runDir, 'tasks')]) add(dir);
    }
  };
  void rearm();
  return {
    close() {
      closed = true;
      clearTimeout(timer);
      for (const watcher of watchers.values()) watcher.close();
      watchers.clear();
    },
    folders: () => [...watchers.keys()].sort(),
  };
}
