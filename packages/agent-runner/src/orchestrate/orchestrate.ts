import { setMaxListeners } from 'node:events';
import { dirname } from 'node:path';
import { isPlanwrightError, UsageError } from '@planwright/cli-kit';
import { loadPlan, markBlocked, runnableTasks, updatePlan, type Task } from '@planwright/plan-schema';
import { fsError, isStopRequested, syncPlan, updateMeta } from '@planwright/run-store';
import type { AgentAdapter } from '../adapters/adapter.js';
import { createAdapter } from '../adapters/registry.js';
import type { OrchestrateOptions, OrchestrateResult, OrchestratorEvent, TaskOutcome } from './options.js';
import { finishRun } from './finish-run.js';
import { preflight, type CheckedRun } from './preflight.js';
import { createPauseGate } from './pause-gate.js';
import { prepareRun, type ResolvedRun } from './prepare-run.js';
import { adoptTasks } from './remote/adopt-tasks.js';
import { openRemoteRun, type RemoteRun } from './remote/remote-run.js';
import { remoteSettings } from './remote/remote-request.js';
import { runRemoteTask } from './remote/run-remote-task.js';
import { runTask } from './run-task.js';
import type { TaskExecutor } from './executor.js';
import { runBudgetGate } from './run-budget-gate.js';
import { schedule } from './scheduler.js';

/**
 * codex-orchestrate as a library call: reconcile earlier runs, then run the runnable tasks (or
 * `--task-id`) up to `--max-tasks`, `--concurrency` at a time by domain, and return the exit code: 0 every
 * task reached agent_done or done (or nothing was runnable), 1 a task ended blocked, 2 stopped by
 * control/stop, 124 a timeout, 130 interrupted.
 *
 * @example
 * const result = await orchestrate({ planDir: '.plans/pr-42', codeDir: '.', compactRun: true, maxTasks: 2 });
 */
export async function orchestrate(options: OrchestrateOptions, adapter?: AgentAdapter): Promise<OrchestrateResult> {
  try {
    const checked = await preflight(options, adapter);
    // Made before the first write: a URL the executor cannot use is bad input like any other flag.
    const executor = checked.executor && (await checked.executor.factory(checked.executor.url, { notice: (message) => options.onEvent?.({ type: 'warning', message }) }));
    const held: { executor?: TaskExecutor; remote?: RemoteRun } = { executor };
    try {
      return await orchestrateRun(options, adapter, checked, held);
    } finally {
      await (held.remote ?? held.executor)?.close().catch(() => undefined);
    }
  } catch (error) {
    throw oneLineError(error);
  }
}

async function orchestrateRun(options: OrchestrateOptions, adapter: AgentAdapter | undefined, checked: CheckedRun, holder: { executor?: TaskExecutor; remote?: RemoteRun } = {}): Promise<OrchestrateResult> {
  const emit = (event: OrchestratorEvent) => options.onEvent?.(event);
  for (const note of checked.notes) emit({ type: 'notice', message: note });
  const run = await prepareRun(options, checked);
  if (options.noWait && run.streamAgentOutput) emit({ type: 'warning', message: '--no-wait ignores --stream-agent-output; the output is in the agent log' });
  for (const note of run.notes) emit({ type: 'warning', message: note });
  emit({ type: 'run', runDir: run.layout.runDir, planFile: run.planFile, runPlan: run.layout.compact ? undefined : run.layout.planSnapshotPath, runId: run.runId });
  // A task that fails with an error (disk full, run folder gone) ends the others as an interrupt would.
  const failed = new AbortController();
  const taskOptions = { ...options, signal: options.signal ? AbortSignal.any([options.signal, failed.signal]) : failed.signal };
  // Each running task listens on it while it runs (its supervision, its verify commands): Node's default
  // of 10 would warn of a leak at --concurrency 4 with auto-verify. Listeners are taken back per task.
  setMaxListeners(Math.max(10, run.concurrency * 3 + 2), taskOptions.signal);
  const remote = holder.executor && checked.executor ? (holder.remote = openRemoteRun({ run, executor: holder.executor, git: checked.executor, emit, signal: options.signal, env: options.env })) : undefined;
  // Jobs an earlier coordinator sent are found again before the sync, which would take them for interrupted.
  const adopted = remote && run.syncPlan ? await adoptTasks({ run, remote, options: taskOptions, emit }) : [];
  // --no-sync-plan: plan.json is the planner's to bring up to date (planwright sync), at the start too.
  if (run.syncPlan) await reconcile(run, options, emit, adopted.map((entry) => entry.task.id));
  const only = await onlyTask(run, options).catch(async (error: unknown) => {
    await updateMeta(run.layout, { status: 'failed', exit_code: 2 }).catch(() => undefined);
    throw error;
  });
  const adapterFor = agentChooser(run, options, adapter);
  const failedTasks: string[] = [];
  let timedOut = false;
  const budget = runBudgetGate(run, options, emit);
  // Usage-limit pauses: no task of a paused agent starts before its reset; other agents' tasks go on.
  const pauses = createPauseGate();
  const scheduled = await schedule({
    concurrency: run.concurrency,
    maxTasks: only ? 1 : run.maxTasks,
    runnable: async () => (only ? (only.used ? [] : [only.task]) : runnableTasks(await (remote ? remote.readPlan() : loadPlan(run.planFile)))),
    adopted,
    launch: (task) => {
      if (only) only.used = true;
      budget?.launched(task.id, remote ? remoteSettings(run, task, options).agent : adapterFor(task).name);
      const running = remote ? runRemoteTask({ run, task, remote, options: taskOptions, emit }) : runTask({ run, task, adapter: adapterFor(task), options: taskOptions, emit, pauses });
      return running.catch((error: unknown) => {
        failedTasks.push(task.id);
        throw error;
      });
    },
    holdLaunches: () => (isStopRequested(run.layout) && (void remote?.hold(), true)) || options.signal?.aborted === true || timedOut || budget?.hold() === true,
    onFinished: (outcome) => {
      budget?.finished(outcome);
      if (outcome.blockedReason === 'timeout') timedOut = true;
      if (outcome.status === 'blocked') void run.notifier.notify({ event: 'task_blocked', task_id: outcome.taskId, reason: outcome.blockedReason });
      if (!options.noWait) emit({ type: 'task-finished', outcome });
    },
    notBefore: (task) => pauses.pausedUntil(adapterFor(task).name),
    waiting: () => pauses.waitingTasks(),
    changed: () => pauses.changed(),
    onError: () => failed.abort(),
  }).catch(async (error: unknown) => {
    await recordFailure(run, failedTasks, oneLineError(error));
    throw error;
  });
  const { outcomes } = scheduled;
  const held = scheduled.held || remote?.held === true;
  if (remote) await remote.pushFinal();
  if (outcomes.length === 0 && !held) emit({ type: 'no-runnable' });
  if (held && isStopRequested(run.layout)) emit({ type: 'stop-detected' });
  if (!run.syncPlan && outcomes.length > 0) emit({ type: 'warning', message: `plan.json not updated (--no-sync-plan): "planwright sync --pr ${run.pr}" applies the results` });
  const exitCode = exitCodeFor(outcomes, held && isStopRequested(run.layout), options);
  await updateMeta(run.layout, { status: finalStatus(exitCode, options), exit_code: exitCode, ...(budget && { budget: budget.record() }) });
  return { ...result(run, exitCode, outcomes), stoppedBecause: await finishRun(run, outcomes, options) };
}

/**
 * After a task failed with an error, every agent of the run is ended: the tasks it left in_progress are
 * blocked with the error as reason, so the plan says what happened without waiting for a sync, and the run
 * is recorded as failed. Best effort: the plan or the run folder may be what cannot be written.
 */
async function recordFailure(run: ResolvedRun, taskIds: string[], error: Error): Promise<void> {
  const reason = `run_failed: ${error.message}`;
  await updatePlan(run.planFile, (plan) => {
    for (const task of plan.tasks) {
      if (taskIds.includes(task.id) && task.status === 'in_progress' && task.last_run_id === run.runId) markBlocked(task, reason);
    }
  }).catch(() => undefined);
  await updateMeta(run.layout, { status: 'failed', exit_code: (error as { exitCode?: number }).exitCode ?? 1 }).catch(() => undefined);
}

/**
 * A file-system error that escaped as Node raised it (a brief or log that cannot be written) becomes one
 * line naming the file, like the run-store's own errors, instead of a stack trace.
 */
function oneLineError(error: unknown): Error {
  const { code, syscall, path } = (error ?? {}) as NodeJS.ErrnoException;
  if (isPlanwrightError(error) || typeof code !== 'string' || typeof path !== 'string') return error as Error;
  return fsError(syscall === 'mkdir' ? 'create' : (syscall ?? 'write'), path, error);
}

/**
 * The adapter of each task: an injected one for every task (tests, embedding), else the task's own
 * `agent`, then --agent, then orchestrator.toml's `agent`, then codex. preflight checked every name and
 * program before the first write, so a typo in one task cannot stop a run half-way.
 */
function agentChooser(run: ResolvedRun, options: OrchestrateOptions, injected: AgentAdapter | undefined): (task: Task) => AgentAdapter {
  if (injected) return () => injected;
  const fallback = options.agent ?? run.config.agent ?? 'codex';
  const adapters = new Map<string, AgentAdapter>();
  return (task) => {
    const name = task.agent ?? fallback;
    if (!adapters.has(name)) adapters.set(name, createAdapter(name, run.config, { configFile: run.configFile }));
    return adapters.get(name)!;
  };
}

async function reconcile(run: ResolvedRun, options: OrchestrateOptions, emit: (event: OrchestratorEvent) => void, leaveAlone: string[]): Promise<void> {
  const report = await syncPlan({ pr: run.pr, plan: run.planFile, runsRoot: dirname(run.layout.runDir), cwd: options.cwd, leaveAlone });
  for (const change of report.changes) emit({ type: 'reconciled', taskId: change.task_id, from: change.from, to: change.to, reason: change.reason ?? undefined });
}

/** With --task-id: that task (checked), to run once whatever its place in the plan. */
async function onlyTask(run: ResolvedRun, options: OrchestrateOptions): Promise<{ task: Task; used: boolean } | undefined> {
  if (!options.taskId) return undefined;
  const plan = await loadPlan(run.planFile);
  const task = plan.tasks.find((candidate) => candidate.id === options.taskId);
  // preflight refused a missing, done or deferred task; the planner may have changed it since.
  if (!task) throw new UsageError(`--task-id ${options.taskId}: not found in ${run.planFile}`, { hint: `tasks: ${plan.tasks.slice(0, 8).map((t) => t.id).join(', ')}` });
  if (task.status === 'done' || task.status === 'deferred' || task.status === 'in_progress') {
    throw new UsageError(`--task-id ${task.id}: the task is ${task.status}`, {
      hint: task.status === 'in_progress' ? 'its agent may still be running: see "run-store doctor"' : 'set its status back to pending in plan.json to run it again',
    });
  }
  return { task, used: false };
}

function exitCodeFor(outcomes: TaskOutcome[], stopped: boolean, options: OrchestrateOptions): number {
  if (outcomes.some((outcome) => outcome.blockedReason === 'timeout')) return 124;
  if (options.signal?.aborted) return 130;
  if (stopped) return 2;
  return outcomes.some((outcome) => outcome.status === 'blocked') ? 1 : 0;
}

function finalStatus(exitCode: number, options: OrchestrateOptions) {
  if (exitCode === 124) return 'timeout' as const;
  if (exitCode === 130 || exitCode === 2) return 'stopped' as const;
  if (options.noWait) return 'running_background' as const;
  return exitCode === 0 ? ('completed' as const) : ('failed' as const);
}

function result(run: ResolvedRun, exitCode: number, outcomes: TaskOutcome[]): OrchestrateResult {
  return { exitCode, runDir: run.layout.runDir, runId: run.runId, planFile: run.planFile, outcomes };
}
