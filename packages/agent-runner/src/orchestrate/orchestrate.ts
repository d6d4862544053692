import { dirname } from 'node:path';
import { UsageError } from '@planwright/cli-kit';
import { loadPlan, runnableTasks, type Task } from '@planwright/plan-schema';
import { isStopRequested, syncPlan, updateMeta } from '@planwright/run-store';
import type { AgentAdapter } from '../adapters/adapter.js';
import { codexAdapter } from '../adapters/codex/codex-adapter.js';
import type { OrchestrateOptions, OrchestrateResult, OrchestratorEvent, TaskOutcome } from './options.js';
import { prepareRun, type ResolvedRun } from './prepare-run.js';
import { runTask } from './run-task.js';

/**
 * codex-orchestrate as a library call: reconcile earlier runs, pick the runnable tasks (or `--task-id`),
 * run up to `--max-tasks` of them one after another, and return the exit code: 0 every task reached
 * agent_done (or nothing was runnable), 1 a task ended blocked, 2 stopped by control/stop, 124 a timeout,
 * 130 interrupted.
 *
 * @example
 * const result = await orchestrate({ planDir: '.plans/pr-42', codeDir: '.', compactRun: true, maxTasks: 2 });
 */
export async function orchestrate(options: OrchestrateOptions, adapter: AgentAdapter = codexAdapter()): Promise<OrchestrateResult> {
  const emit = (event: OrchestratorEvent) => options.onEvent?.(event);
  checkFlagCombinations(options);
  const run = await prepareRun(options);
  if (options.noWait && options.streamAgentOutput) emit({ type: 'warning', message: '--no-wait ignores --stream-agent-output; the output is in the agent log' });
  for (const note of run.notes) emit({ type: 'warning', message: note });
  emit({ type: 'run', runDir: run.layout.runDir, planFile: run.planFile, runPlan: run.layout.compact ? undefined : run.layout.planSnapshotPath, runId: run.runId });
  await reconcile(run, options, emit);
  const tasks = await pickTasks(run, options);
  const outcomes: TaskOutcome[] = [];
  if (tasks.length === 0) {
    emit({ type: 'no-runnable' });
    await updateMeta(run.layout, { status: 'completed', exit_code: 0 });
    return result(run, 0, outcomes);
  }
  let stopped = false;
  for (const task of tasks) {
    if (isStopRequested(run.layout)) {
      emit({ type: 'stop-detected' });
      stopped = true;
      break;
    }
    if (options.signal?.aborted) break;
    const outcome = await runTask({ run, task, adapter, options, emit });
    outcomes.push(outcome);
    if (!options.noWait) emit({ type: 'task-finished', outcome });
    if (outcome.blockedReason === 'timeout' || outcome.blockedReason === 'interrupted') break;
  }
  const exitCode = exitCodeFor(outcomes, stopped, options);
  await updateMeta(run.layout, { status: finalStatus(exitCode, options), exit_code: exitCode });
  return result(run, exitCode, outcomes);
}

function checkFlagCombinations(options: OrchestrateOptions): void {
  if (options.noWait && options.interactiveCode) throw new UsageError('--no-wait cannot be used with --interactive-code', { hint: 'an interactive agent needs this terminal until it ends' });
  if (options.ghostty && options.interactiveCode) throw new UsageError('--ghostty cannot be used with --interactive-code', { hint: 'pick one place for the agent to run' });
  // The kit ran at least one task whatever --max-tasks said, so 0 still means 1.
  if (options.maxTasks !== undefined && (!Number.isInteger(options.maxTasks) || options.maxTasks < 0)) {
    throw new UsageError(`--max-tasks ${options.maxTasks}: expected a whole number`);
  }
  if (options.timeoutMinutes !== undefined && !(options.timeoutMinutes >= 0)) throw new UsageError(`--timeout-minutes ${options.timeoutMinutes}: expected 0 or more`);
}

async function reconcile(run: ResolvedRun, options: OrchestrateOptions, emit: (event: OrchestratorEvent) => void): Promise<void> {
  const report = await syncPlan({ pr: run.pr, plan: run.planFile, runsRoot: dirname(run.layout.runDir), cwd: options.cwd });
  for (const change of report.changes) emit({ type: 'reconciled', taskId: change.task_id, from: change.from, to: change.to, reason: change.reason ?? undefined });
}

async function pickTasks(run: ResolvedRun, options: OrchestrateOptions): Promise<Task[]> {
  const plan = await loadPlan(run.planFile);
  if (options.taskId) {
    const task = plan.tasks.find((candidate) => candidate.id === options.taskId);
    if (!task) throw new UsageError(`--task-id ${options.taskId}: not found in ${run.planFile}`, { hint: `tasks: ${plan.tasks.slice(0, 8).map((t) => t.id).join(', ')}` });
    if (task.status === 'done' || task.status === 'deferred' || task.status === 'in_progress') {
      throw new UsageError(`--task-id ${task.id}: the task is ${task.status}`, {
        hint: task.status === 'in_progress' ? 'its agent may still be running: see "run-store doctor"' : 'set its status back to pending in plan.json to run it again',
      });
    }
    return [task];
  }
  return runnableTasks(plan).slice(0, Math.max(1, options.maxTasks ?? 1));
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
