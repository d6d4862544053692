import { stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { UsageError } from '@planwright/cli-kit';
import { resolvePrDir, TASK_ID_PATTERN } from '@planwright/plan-schema';
import { assertRunDir } from '../control/stop.js';
import { isJsonObject } from '../files/json-file.js';
import { newestRunDir } from '../layout/run-dirs.js';
import { runLayout } from '../layout/run-layout.js';
import { isProcessAlive, isSameProcess } from '../process/alive.js';
import { psLine } from '../process/ps-line.js';
import { processGroupMembers } from '../process/terminate.js';
import { readLogTail } from '../results/log-tail.js';
import { checkRunRoot, locateRuns } from '../runs/locate-runs.js';
import { summarizeResults, type ResultsSummary } from '../runs/results-summary.js';
import { metaTaskIds, readAgentsLoosely, readMetaLoosely, taskAgent, taskLogPath, taskThreadId, text } from '../runs/run-files.js';
import type { DoctorAgents } from './doctor-agents.js';
import { killAgent, type KillReport } from './kill-agent.js';
import { pausedState, type PausedState } from './paused.js';
import { rerunCommands, type RerunCommands } from './rerun.js';
import { threadIdFromLog } from './thread-id.js';

export interface DoctorOptions {
  repo?: string;
  pr?: string;
  runRoot?: string;
  /** The run to inspect (default: the PR's newest). */
  runDir?: string;
  /** The task (default: meta.json's current task). */
  task?: string;
  /** End the agent's process group: TERM, grace, KILL. */
  kill?: boolean;
  /** Grace between TERM and KILL (default 4). */
  graceSeconds?: number;
  printRerun?: boolean;
  /** Lines of log tail to show (default 20). */
  tailLines?: number;
  /**
   * What run-store does not know about agents: how a log line names the session, how to resume it
   * (agent-runner's `doctorAgents()`). Without it the thread id comes from meta.json only, and no resume
   * command is offered.
   */
  agents?: DoctorAgents;
  cwd?: string;
}

export interface DoctorReport {
  run_dir: string;
  task_id: string | null;
  meta: { status: string | null; updated_at: string | null; run_id: string | null };
  /** Damaged files and other things worth knowing. */
  problems: string[];
  agent: {
    pid: number;
    pgid: number;
    started_at: string | null;
    alive: boolean;
    same_process: boolean;
    ps: string | null;
    /** Live processes of the agent's group (an agent ended by TERM may leave children behind). */
    group_members: number[];
  } | null;
  results: ResultsSummary | null;
  log: { path: string; bytes: number | null; tail: string } | null;
  thread_id: string | null;
  thread_id_source: 'meta' | 'log' | null;
  kill: KillReport | null;
  rerun: RerunCommands | null;
  /** The task is `paused` in plan.json: waiting out a usage limit until then (needs --pr, or a plan folder found). */
  paused: PausedState | null;
}

/**
 * Inspects a stuck task (the kit's task_doctor.py): the run, its meta status, the agent's pid and ps
 * line, the results, the log tail and the thread id; with `kill`, ends that agent's process group and
 * nothing else; with `printRerun`, the commands that run or resume the task again.
 *
 * @example
 * const report = await doctor({ repo: '.', pr: 'pr-42', task: 'task_003', printRerun: true });
 */
export async function doctor(options: DoctorOptions): Promise<DoctorReport> {
  const cwd = options.cwd ?? process.cwd();
  if (options.task !== undefined && !TASK_ID_PATTERN.test(options.task)) {
    throw new UsageError(`--task ${JSON.stringify(options.task)}: not a task id`, { hint: 'task ids are like task_003' });
  }
  const graceSeconds = options.graceSeconds ?? 4;
  if (!(graceSeconds >= 0)) throw new UsageError(`--grace-seconds ${options.graceSeconds}: must be a number of seconds, 0 or more`);
  const repo = resolve(cwd, options.repo ?? '.');
  let runDir: string;
  let planDir: string | undefined;
  let runRoot = options.runRoot ? checkRunRoot(resolve(cwd, options.runRoot)) : undefined;
  if (options.runDir) {
    runDir = resolve(cwd, options.runDir);
    await assertRunDir(runDir);
    if (options.pr) planDir = resolvePrDir({ repo, pr: options.pr });
  } else {
    const located = locateRuns({ repo: options.repo, pr: options.pr, runRoot: options.runRoot, cwd });
    ({ planDir, runRoot } = located);
    const newest = await newestRunDir(located.runsRoot);
    if (!newest) throw new UsageError(`--pr ${located.pr}: no runs in ${located.runsRoot}`, { hint: 'pass --run-root if the runs are elsewhere' });
    runDir = newest;
  }

  const layout = runLayout(runDir);
  const [{ meta, problem }, { agents, problem: agentsProblem }] = await Promise.all([readMetaLoosely(runDir), readAgentsLoosely(runDir)]);
  const problems = [problem ?? (meta ? undefined : `${layout.metaPath}: missing`), agentsProblem].filter((p): p is string => Boolean(p));
  const taskId = options.task ?? text(meta, 'current_task_id') ?? Object.keys(agents).sort().at(-1) ?? metaTaskIds(meta).at(-1) ?? null;
  const report: DoctorReport = {
    run_dir: runDir,
    task_id: taskId,
    meta: { status: text(meta, 'status') ?? null, updated_at: text(meta, 'updated_at') ?? null, run_id: text(meta, 'invocation_run_id') ?? null },
    problems,
    agent: null,
    results: null,
    log: null,
    thread_id: null,
    thread_id_source: null,
    kill: null,
    rerun: null,
    paused: null,
  };
  if (taskId === null) {
    problems.push('no task: meta.json names no current task and no agent is recorded (pass --task)');
    return report;
  }

  report.paused = await pausedState(planDir, taskId);
  const agent = taskAgent(meta, agents, taskId);
  if (options.kill) report.kill = await killAgent(agent, graceSeconds * 1000);
  if (agent) {
    const alive = isProcessAlive(agent.pid);
    const sameProcess = alive && (await isSameProcess(agent.pid, agent.started_at));
    report.agent = {
      pid: agent.pid,
      pgid: agent.pgid,
      started_at: agent.started_at,
      alive,
      same_process: sameProcess,
      ps: alive ? ((await psLine(agent.pid)) ?? null) : null,
      // A live leader that is not our agent leads someone else's group.
      group_members: !alive || sameProcess ? await processGroupMembers(agent.pgid) : [],
    };
  }
  report.results = await summarizeResults(layout, taskId, report.meta.run_id ?? undefined);
  const logPath = taskLogPath(meta, layout, taskId);
  const bytes = await stat(logPath).then((s) => s.size, () => null);
  report.log = { path: logPath, bytes, tail: bytes === null ? '' : await readLogTail(logPath, { maxLines: options.tailLines ?? 20, maxBytes: 64_000 }).catch((e: Error) => `(${e.message})`) };
  const fromMeta = taskThreadId(meta, taskId);
  // The agent of the task as agent_pids.json recorded it, else the run's --agent.
  const taskAgentName = agent?.agent ?? (isJsonObject(meta?.args) ? text(meta.args, 'agent') : undefined);
  const known = options.agents;
  const fromLog = fromMeta ?? (bytes === null || !known ? undefined : await threadIdFromLog(logPath, (line) => known.sessionIdOfLine(taskAgentName, line)));
  report.thread_id = fromMeta ?? fromLog ?? null;
  report.thread_id_source = fromMeta ? 'meta' : fromLog ? 'log' : null;
  if (options.printRerun) {
    report.rerun =
      rerunCommands({ layout, taskId, meta, planDir, codeDir: repo, runRoot, threadId: report.thread_id ?? undefined, agent: taskAgentName, agents: known }) ?? null;
    if (!report.rerun) problems.push('cannot build the rerun command: the plan folder is unknown (pass --pr)');
  }
  return report;
}
