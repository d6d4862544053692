import { readdir, stat } from 'node:fs/promises';
import { basename, resolve } from 'node:path';
import { UsageError } from '@planwright/cli-kit';
import { assertRunDir } from '../control/stop.js';
import { isJsonObject, type JsonObject } from '../files/json-file.js';
import { newestRunDir } from '../layout/run-dirs.js';
import { runLayout } from '../layout/run-layout.js';
import { isProcessAlive } from '../process/alive.js';
import { locateRuns, type RunsLocation } from './locate-runs.js';
import { summarizeResults, type ResultsSummary } from './results-summary.js';
import { metaTaskIds, readAgentsLoosely, readMetaLoosely, taskAgent, taskLogPath, taskThreadId, text } from './run-files.js';

/** One task of a run, as show reports it. */
export interface RunTaskDetails {
  task_id: string;
  /** The task's run status from meta.json (`tasks[id].status`, or the run's for its current task). */
  status: string | null;
  results: ResultsSummary;
  log: { path: string; bytes: number | null };
  agent: { pid: number; pgid: number; alive: boolean } | null;
  thread_id: string | null;
}

/** A run with its tasks. */
export interface RunDetails {
  run_dir: string;
  run_id: string | null;
  status: string;
  created_at: string | null;
  updated_at: string | null;
  stop_requested: boolean;
  problems: string[];
  meta: JsonObject | null;
  tasks: RunTaskDetails[];
}

export interface ShowRunOptions extends RunsLocation {
  /** The run folder; without it, the newest run of --pr. */
  runDir?: string;
}

/**
 * One run in detail: meta.json, and per task its results (checked against the run id), log path and
 * size, and whether its agent is alive. A folder that does not exist, or a PR without runs, is a
 * UsageError.
 *
 * @example
 * const run = await showRun({ runDir: '/repo/.plans/pr-1/runs/20261124-101500-4242' });
 */
export async function showRun(options: ShowRunOptions): Promise<RunDetails> {
  const runDir = await pickRunDir(options);
  const layout = runLayout(runDir);
  const [{ meta, problem }, { agents, problem: agentsProblem }] = await Promise.all([readMetaLoosely(runDir), readAgentsLoosely(runDir)]);
  const runId = text(meta, 'invocation_run_id');
  const ids = new Set([...metaTaskIds(meta), ...Object.keys(agents)]);
  for (const id of await taskIdsIn(layout.resultsDir, '.json')) ids.add(id);
  for (const id of await taskIdsIn(layout.tasksDir, '.md')) ids.add(id);
  const tasks = await Promise.all(
    [...ids].sort().map(async (taskId): Promise<RunTaskDetails> => {
      const agent = taskAgent(meta, agents, taskId);
      const logPath = taskLogPath(meta, layout, taskId);
      const taskState = isJsonObject(meta?.tasks) ? (meta.tasks as JsonObject)[taskId] : undefined;
      return {
        task_id: taskId,
        status: text(isJsonObject(taskState) ? taskState : undefined, 'status') ?? (text(meta, 'current_task_id') === taskId ? (text(meta, 'status') ?? null) : null),
        results: await summarizeResults(layout, taskId, runId),
        log: { path: logPath, bytes: await fileSize(logPath) },
        agent: agent ? { pid: agent.pid, pgid: agent.pgid, alive: isProcessAlive(agent.pid) } : null,
        thread_id: taskThreadId(meta, taskId) ?? null,
      };
    }),
  );
  return {
    run_dir: runDir,
    run_id: runId ?? null,
    status: text(meta, 'status') ?? 'unknown',
    created_at: text(meta, 'created_at') ?? null,
    updated_at: text(meta, 'updated_at') ?? text(meta, 'created_at') ?? null,
    stop_requested: (await fileSize(layout.stopPath)) !== null,
    problems: [problem ?? (meta ? undefined : `${layout.metaPath}: missing`), agentsProblem].filter((p): p is string => Boolean(p)),
    meta: meta ?? null,
    tasks,
  };
}

async function pickRunDir(options: ShowRunOptions): Promise<string> {
  if (options.runDir) {
    const runDir = resolve(options.cwd ?? process.cwd(), options.runDir);
    await assertRunDir(runDir);
    return runDir;
  }
  if (!options.pr) throw new UsageError('name the run with --run-dir <folder> or --pr <PR>', { hint: 'see run-store show --help' });
  const { runsRoot, pr } = locateRuns(options);
  const newest = await newestRunDir(runsRoot);
  if (!newest) throw new UsageError(`--pr ${pr}: no runs in ${runsRoot}`, { hint: 'pass --run-root if the runs are elsewhere' });
  return newest;
}

/** Task ids from the file names in a folder (`<id><ext>`), skipping stale and hidden files. */
async function taskIdsIn(dir: string, ext: string): Promise<string[]> {
  const names = await readdir(dir).catch(() => [] as string[]);
  return names
    .filter((name) => name.endsWith(ext) && !name.startsWith('.') && !name.includes('.stale-'))
    .map((name) => basename(name, ext));
}

async function fileSize(file: string): Promise<number | null> {
  try {
    return (await stat(file)).size;
  } catch {
    return null;
  }
}
