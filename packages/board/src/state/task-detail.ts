import { readFile } from 'node:fs/promises';
import { isAbsolute, join, relative, sep } from 'node:path';
import { UsageError } from '@planwright/cli-kit';
import { loadPlan, taskStatus, type TaskStatus, type Usage } from '@planwright/plan-schema';
import { readLogTail, showRun, type ResultsSummary } from '@planwright/run-store';
import { commitDiff, type CommitDiff } from './commit-diff.js';
import { boardPaths, type BoardLocation, type BoardPaths } from './locate.js';

export interface TaskDetailOptions extends BoardLocation {
  task: string;
  /** Lines of the agent log's tail (default 200). */
  logLines?: number;
}

/** Everything the task panel shows about one task. */
export interface TaskDetail {
  task_id: string;
  title: string;
  status: TaskStatus;
  blocked_reason: string | null;
  /** The brief the agent got (tasks/<id>.md of its run), else the plan's description. */
  brief: string;
  agent: string | null;
  /** The agent's thread or session id. */
  thread_id: string | null;
  run_dir: string | null;
  /** `href`: the log's address on the board (below `/files/`), when it lies in a served folder. */
  log: { path: string; tail: string; href: string | null } | null;
  verify: { path: string; output: string } | null;
  results: ResultsSummary | null;
  usage: Usage | null;
  duration_ms: number | null;
  attempts: number | null;
  commit: CommitDiff | null;
}

/**
 * One task for the board's panel: the plan's fields and, from the task's run folder (its `run_dir`, else
 * the newest run that has it), the brief, the log tail, the verify output and the results, checked as
 * `run-store show` checks them. An unknown task id is a UsageError.
 */
export async function taskDetail(options: TaskDetailOptions): Promise<TaskDetail> {
  const paths = boardPaths(options);
  const plan = await loadPlan(paths.planFile, { label: paths.label });
  const task = plan.tasks.find((candidate) => candidate.id === options.task);
  if (!task) throw new UsageError(`${paths.label}: task ${JSON.stringify(options.task)}: no such task`, { hint: 'pick a task id of the plan' });
  const runDir = task.run_dir ?? null;
  const run = runDir ? await showRun({ runDir }).catch(() => null) : null;
  const inRun = run?.tasks.find((entry) => entry.task_id === task.id) ?? null;
  const brief = runDir ? await readText(join(runDir, 'tasks', `${task.id}.md`)) : null;
  const verifyPath = [runDir && join(runDir, `verify_${task.id}.log`), join(paths.planDir, 'runs', `verify_${task.id}.log`)].filter((p): p is string => Boolean(p));
  let verify: TaskDetail['verify'] = null;
  for (const path of verifyPath) {
    const output = await readText(path);
    if (output !== null) {
      verify = { path, output };
      break;
    }
  }
  return {
    task_id: task.id,
    title: task.title ?? '',
    status: taskStatus(task),
    blocked_reason: taskStatus(task) === 'blocked' ? (task.blocked_reason ?? null) : null,
    brief: brief ?? task.description ?? '',
    agent: task.agent ?? task.last_agent ?? null,
    thread_id: task.thread_id ?? inRun?.thread_id ?? null,
    run_dir: runDir,
    log: inRun ? { path: inRun.log.path, tail: await readLogTail(inRun.log.path, { maxLines: options.logLines ?? 200 }), href: fileHref(paths, inRun.log.path) } : null,
    verify,
    results: inRun?.results ?? null,
    usage: task.usage ?? null,
    duration_ms: typeof task.duration_ms === 'number' ? task.duration_ms : null,
    attempts: task.attempts ?? null,
    commit: await commitDiff({ repo: paths.repo, before: task.head_before, after: task.head_after }),
  };
}

/** A file's `/files/...` address on the board, or null outside the served folders. */
function fileHref(paths: BoardPaths, file: string): string | null {
  for (const [prefix, root] of [['/files/runs/', paths.runsRoot], ['/files/plans/', paths.plansDir]] as const) {
    const rel = relative(root, file);
    if (rel && !rel.startsWith('..') && !isAbsolute(rel)) return prefix + rel.split(sep).map(encodeURIComponent).join('/');
  }
  return null;
}

async function readText(file: string): Promise<string | null> {
  try {
    return await readFile(file, 'utf8');
  } catch {
    return null;
  }
}
