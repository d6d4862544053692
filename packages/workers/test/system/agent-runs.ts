import { findBriefRefs } from '@planwright/test-utils';
import { existsSync, readFileSync } from 'node:fs';
import { onTestFinished } from 'vitest';
import { groupAlive } from './cluster-process.js';

/** One start of the fake codex, as its `FAKE_CODEX_LOG` line says, tied to its task and worker. */
export interface AgentRun {
  taskId: string;
  /** The worker whose cache holds the agent's working folder ('?' when none does). */
  worker: string;
  /** Its working folder: the job's worktree in the worker's cache. */
  cwd: string;
  pid: number;
  pgid: number;
  resume: boolean;
}

/** Reads the agent runs from the shared fake codex log; `caches` maps a worker's name to its cache dir. */
export function readAgentRuns(logFile: string, caches: ReadonlyMap<string, string>): AgentRun[] {
  if (!existsSync(logFile)) return [];
  return readFileSync(logFile, 'utf8').split('\n').filter(Boolean).map((line) => {
    const entry = JSON.parse(line) as { argv: string[]; cwd: string; pid: number; pgid: number; prompt: string };
    const worker = [...caches].find(([, cache]) => entry.cwd.startsWith(`${cache}/`))?.[0] ?? '?';
    return { taskId: findBriefRefs(entry.prompt).taskId ?? '?', worker, cwd: entry.cwd, pid: entry.pid, pgid: entry.pgid, resume: entry.argv.includes('resume') };
  });
}

/** How many times each task's agent started. */
export function runsPerTask(runs: readonly AgentRun[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const run of runs) counts[run.taskId] = (counts[run.taskId] ?? 0) + 1;
  return counts;
}

/**
 * Ends, when the test finishes, any agent group of the log still alive: a worker killed with kill -9
 * cannot end its agents, so the test that orphaned them does.
 */
export function endOrphansAfterTest(logFile: string): void {
  onTestFinished(() => {
    for (const run of readAgentRuns(logFile, new Map())) {
      if (!groupAlive(run.pgid)) continue;
      try {
        process.kill(-run.pgid, 'SIGKILL');
      } catch {
        // Gone in between.
      }
    }
  });
}
