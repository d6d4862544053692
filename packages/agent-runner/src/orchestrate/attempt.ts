import { stat, writeFile } from 'node:fs/promises';
import type { Results, Task, Usage } from '@planwright/plan-schema';
import { recordAgentProcess, updateMeta, updateTaskRunState, writeFallbackResults } from '@planwright/run-store';
import type { AgentAdapter, LaunchContext } from '../adapters/adapter.js';
import { usageSince, type AgentEventState } from '../adapters/agent-events.js';
import { launchInGhostty } from '../supervise/ghostty.js';
import { spawnAgent, type AgentProcess } from '../supervise/spawn-agent.js';
import { superviseTask, type Supervised } from '../supervise/supervise-task.js';
import { decideOutcome, type Decision } from './decide-outcome.js';
import type { OrchestrateOptions, OrchestratorEvent } from './options.js';
import type { ResolvedRun } from './prepare-run.js';
import { addUsage } from './accounting.js';
import { budgetDecision, watchTaskBudget, type TaskBudgetInput } from './task-budget.js';

export interface AttemptInput {
  run: ResolvedRun;
  task: Task;
  adapter: AgentAdapter;
  options: OrchestrateOptions;
  emit: (event: OrchestratorEvent) => void;
  /** Where this task's agent works: the code dir, or the task's worktree. */
  codeDir: string;
  prompt: string;
  /** Continue this session (a follow-up after failed verification) instead of starting a new one. */
  resume?: { sessionId: string; usageBefore?: Usage };
  /** The task's own budget, when it has one: the agent is ended once the task's spend passes it. */
  taskBudget?: TaskBudgetInput;
}

export interface AttemptResult {
  supervised?: Supervised;
  events: AgentEventState;
  decision: Decision;
  /** This attempt's tokens (a resumed codex thread reports its whole history: the earlier part is taken off). */
  usage?: Usage;
  /** The usage the agent reported, as reported (for the next resume's subtraction). */
  reportedUsage?: Usage;
  results?: Results;
  /** Written by the orchestrator (writeAttemptFallback) once no reminder is left to ask for results. */
  fallback?: Results;
  agent: AgentProcess;
  durationMs: number;
}

/**
 * One run of an agent on a task: start it (or resume its session), record its process, supervise it to
 * an outcome. Writes no fallback results: a reminder turn may still bring the agent's own (see
 * writeAttemptFallback). With `--no-wait` it returns as soon as the agent runs, without `supervised`.
 */
export async function runAttempt(input: AttemptInput): Promise<AttemptResult> {
  const { run, task, options, emit, adapter } = input;
  const { layout, runId } = run;
  const started = Date.now();
  const context = launchContext(input);
  const launch = input.resume && adapter.resume
    ? await adapter.resume(context, input.resume.sessionId)
    : options.interactiveCode && adapter.interactive
      ? await adapter.interactive(context)
      : await adapter.launch(context);
  await writeFile(layout.agentLogPath(task.id), '', { flag: 'a' });
  // Before the spawn: everything after this offset is the new run's output.
  const logOffset = (await stat(layout.agentLogPath(task.id))).size;
  const agent = options.ghostty
    ? await launchInGhostty({
        taskId: task.id,
        bin: launch.bin,
        args: launch.args,
        cwd: input.codeDir,
        promptFile: layout.promptPath(task.id),
        logPath: layout.agentLogPath(task.id),
        logsDir: layout.logsDir,
        keepOpen: options.keepOpen === true,
        env: { ...(options.env ?? process.env), ...launch.env },
        promptOnStdin: launch.stdin !== undefined,
      })
    : spawnAgent({
        bin: launch.bin,
        args: launch.args,
        cwd: input.codeDir,
        env: { ...options.env, ...launch.env },
        logPath: layout.agentLogPath(task.id),
        stdin: options.interactiveCode ? undefined : launch.stdin,
        interactive: options.interactiveCode,
      });
  try {
    await recordAgentProcess(layout, runId, task.id, { pid: agent.pid, pgid: agent.pgid, started_at: agent.startedAt.toISOString(), agent: adapter.name });
    await updateMeta(layout, { status: 'agent_running', agent_pid: agent.pid, current_task_id: task.id });
    await updateTaskRunState(layout, task.id, { status: 'agent_running', agent_pid: agent.pid, results_path: layout.resultsPath(task.id), agent_log_path: layout.agentLogPath(task.id) });
    emit({ type: 'task-started', taskId: task.id, pid: agent.pid, logPath: layout.agentLogPath(task.id), noWait: options.noWait === true, agent: adapter.name, resumed: input.resume !== undefined });
    if (options.noWait) {
      agent.detach();
      await updateTaskRunState(layout, task.id, { status: 'running_background' });
      return { events: launch.parser.state, decision: { status: 'agent_done', resultStatus: 'running' }, agent, durationMs: Date.now() - started };
    }
    emit({ type: 'waiting', taskId: task.id, target: run.handshake === 'results-json' ? layout.resultsPath(task.id) : layout.donePath(task.id) });
    await updateTaskRunState(layout, task.id, { status: 'waiting_for_results' });
    const timeoutMinutes = task.timeout_minutes ?? run.timeoutMinutes;
    const attemptUsage = () => (adapter.cumulativeUsage ? usageSince(launch.parser.state.usage, input.resume?.usageBefore) : launch.parser.state.usage);
    const budget = input.taskBudget && watchTaskBudget({ ...input.taskBudget, usageBefore: input.taskBudget.spent.usage, usageNow: attemptUsage });
    const signal = budget ? (options.signal ? AbortSignal.any([options.signal, budget.signal]) : budget.signal) : options.signal;
    const supervised = await superviseTask({
      layout,
      taskId: task.id,
      runId,
      handshake: run.handshake,
      codeDir: input.codeDir,
      repoRoot: run.codeDir,
      agent,
      parser: launch.parser,
      logOffset,
      timeoutMs: toMs(timeoutMinutes),
      stallMs: toMs(run.stallMinutes),
      graceMs: run.timeoutGraceSeconds * 1000,
      resultsGraceMs: run.resultsGraceSeconds * 1000,
      heartbeatMs: run.heartbeatIntervalSeconds * 1000,
      signal,
      onLine: (line) => {
        budget?.check();
        if (run.streamAgentOutput) emit({ type: 'agent-output', taskId: task.id, line });
      },
    }).finally(() => budget?.stop());
    const events = launch.parser.state;
    // Ended by its budget (not by the caller's interrupt): blocked like a timeout, with the limit passed.
    const overBudget = supervised.ending === 'interrupted' && !options.signal?.aborted ? budget?.exceeded() : undefined;
    const decision = overBudget ? budgetDecision(overBudget) : decideOutcome(supervised, events, { timeoutMinutes, stallMinutes: run.stallMinutes, handshake: run.handshake, describeExit: adapter.describeExit?.bind(adapter) });
    // A resumed codex thread counts tokens from its start: this attempt's share is the difference.
    const usage = attemptUsage();
    if (input.taskBudget) input.taskBudget.spent.usage = addUsage(input.taskBudget.spent.usage, usage);
    return { supervised, events, decision, usage, reportedUsage: events.usage, results: supervised.results, agent, durationMs: Date.now() - started };
  } catch (error) {
    // Whatever failed (a run file that cannot be written, say), no agent is left running unsupervised.
    await agent.terminate(run.timeoutGraceSeconds * 1000).catch(() => undefined);
    throw error;
  }
}

/** Leaves fallback results for an attempt that ended without valid ones (timeout, crash, no handshake). */
export async function writeAttemptFallback(run: ResolvedRun, task: Task, attempt: AttemptResult): Promise<AttemptResult> {
  const { decision, supervised, events } = attempt;
  if (!decision.fallback || !supervised) return attempt;
  const fallback = await writeFallbackResults(run.layout, {
    taskId: task.id,
    runId: run.runId,
    status: decision.fallback.status,
    note: decision.fallback.note,
    exitCode: supervised.exit.code,
    logPath: run.layout.agentLogPath(task.id),
    extra: { error: events.failure ?? null, thread_id: events.sessionId ?? null },
  });
  return { ...attempt, fallback };
}

function launchContext(input: AttemptInput): LaunchContext {
  const { run, task, options } = input;
  return {
    taskId: task.id,
    codeDir: input.codeDir,
    runDir: run.layout.runDir,
    runId: run.runId,
    prompt: input.prompt,
    promptPath: run.layout.promptPath(task.id),
    briefPath: run.layout.briefPath(task.id),
    resultsPath: run.layout.resultsPath(task.id),
    lastMessagePath: run.layout.lastMessagePath(task.id),
    sandbox: run.sandbox,
    approval: run.approval,
    // orchestrator.toml's top-level `model` is the kit's codex setting: other agents get only --model.
    model: options.model ?? (input.adapter.name === 'codex' ? run.model : undefined),
    env: options.env ?? process.env,
  };
}

function toMs(minutes: number | undefined): number {
  return minutes && minutes > 0 ? minutes * 60_000 : 0;
}
