import { writeFile } from 'node:fs/promises';
import { markAgentDone, markBlocked, startTask, updatePlan, type Plan, type Task } from '@planwright/plan-schema';
import {
  moveAsideStale,
  recordAgentProcess,
  updateTaskRunState,
  updateMeta,
  writeFallbackResults,
  type RunLayout,
} from '@planwright/run-store';
import type { AgentAdapter, LaunchContext } from '../adapters/adapter.js';
import { usageSince } from '../adapters/agent-events.js';
import { launchInGhostty } from '../supervise/ghostty.js';
import { spawnAgent } from '../supervise/spawn-agent.js';
import { superviseTask } from '../supervise/supervise-task.js';
import { renderBrief, renderPrompt } from './brief.js';
import { decideOutcome } from './decide-outcome.js';
import type { OrchestrateOptions, OrchestratorEvent, TaskOutcome } from './options.js';
import type { ResolvedRun } from './prepare-run.js';

export interface RunTaskContext {
  run: ResolvedRun;
  task: Task;
  adapter: AgentAdapter;
  options: OrchestrateOptions;
  emit: (event: OrchestratorEvent) => void;
}

/**
 * One task, start to finish: stale results moved aside, the brief and prompt written, the task marked
 * `in_progress`, the agent started in its own process group, supervised to an outcome, and the plan and
 * meta.json updated. With `--no-wait` it returns once the agent is running.
 */
export async function runTask({ run, task, adapter, options, emit }: RunTaskContext): Promise<TaskOutcome> {
  const { layout, runId } = run;
  const started = Date.now();
  await moveAsideStale(layout, task.id, runId);
  const prompt = renderPrompt({ task, layout, runId, handshake: run.handshake });
  await writeFile(layout.briefPath(task.id), renderBrief({ goal: run.goal, task, layout, codeDir: run.codeDir, runId, handshake: run.handshake }));
  await writeFile(layout.promptPath(task.id), prompt);
  const context = launchContext(run, task.id, prompt, options);
  const launch = options.interactiveCode && adapter.interactive ? await adapter.interactive(context) : await adapter.launch(context);
  await setTaskState(run.planFile, task.id, (entry) => {
    startTask(entry, { runDir: layout.runDir, runId });
    entry.attempts = (entry.attempts ?? 0) + 1;
  });
  await updateMeta(layout, { status: 'task_preparing', current_task_id: task.id, results_path: layout.resultsPath(task.id), agent_log_path: layout.agentLogPath(task.id) });
  await writeFile(layout.agentLogPath(task.id), '', { flag: 'a' });
  const agent = options.ghostty
    ? await launchInGhostty({
        taskId: task.id,
        bin: launch.bin,
        args: launch.args,
        cwd: run.codeDir,
        promptFile: layout.promptPath(task.id),
        logPath: layout.agentLogPath(task.id),
        logsDir: layout.logsDir,
        keepOpen: options.keepOpen === true,
        env: options.env,
      })
    : spawnAgent({
        bin: launch.bin,
        args: launch.args,
        cwd: run.codeDir,
        env: { ...options.env, ...launch.env },
        logPath: layout.agentLogPath(task.id),
        stdin: options.interactiveCode ? undefined : launch.stdin,
        interactive: options.interactiveCode,
      });
  await recordAgentProcess(layout, runId, task.id, { pid: agent.pid, pgid: agent.pgid, started_at: agent.startedAt.toISOString(), agent: adapter.name });
  await updateMeta(layout, { status: 'agent_running', agent_pid: agent.pid });
  await updateTaskRunState(layout, task.id, { status: 'agent_running', agent_pid: agent.pid, results_path: layout.resultsPath(task.id), agent_log_path: layout.agentLogPath(task.id) });
  emit({ type: 'task-started', taskId: task.id, pid: agent.pid, logPath: layout.agentLogPath(task.id), noWait: options.noWait === true });
  const base = { taskId: task.id, resultsPath: layout.resultsPath(task.id), logPath: layout.agentLogPath(task.id) };
  if (options.noWait) {
    agent.detach();
    await updateTaskRunState(layout, task.id, { status: 'running_background' });
    return { ...base, status: 'in_progress', fallback: false, exitCode: null, durationMs: Date.now() - started };
  }
  emit({ type: 'waiting', taskId: task.id, target: run.handshake === 'results-json' ? layout.resultsPath(task.id) : layout.donePath(task.id) });
  await updateMeta(layout, { status: 'waiting_for_results' });
  const supervised = await superviseTask({
    layout,
    taskId: task.id,
    runId,
    handshake: run.handshake,
    agent,
    parser: launch.parser,
    timeoutMs: minutes(task.timeout_minutes ?? run.timeoutMinutes),
    graceMs: run.graceSeconds * 1000,
    resultsGraceMs: run.resultsGraceSeconds * 1000,
    heartbeatMs: run.heartbeatSeconds * 1000,
    signal: options.signal,
    onLine: options.streamAgentOutput ? (line) => emit({ type: 'agent-output', taskId: task.id, line }) : undefined,
  });
  const events = launch.parser.state;
  const decision = decideOutcome(supervised, events, { timeoutMinutes: task.timeout_minutes ?? run.timeoutMinutes, handshake: run.handshake });
  const fallbackResults = decision.fallback
    ? await writeFallbackResults(layout, {
        taskId: task.id,
        runId,
        status: decision.fallback.status,
        note: decision.fallback.note,
        exitCode: supervised.exit.code,
        logPath: layout.agentLogPath(task.id),
        extra: { error: events.failure ?? null, thread_id: events.sessionId ?? null },
      })
    : undefined;
  const usage = usageSince(events.usage, undefined);
  await setTaskState(run.planFile, task.id, (entry) => {
    if (entry.status !== 'in_progress') return; // The planner changed it meanwhile: theirs wins.
    if (decision.status === 'agent_done') markAgentDone(entry);
    else markBlocked(entry, decision.blockedReason ?? 'blocked');
    if (events.sessionId) entry.thread_id = events.sessionId;
    if (usage) entry.usage = usage;
  });
  const ended = decision.blockedReason === 'timeout' ? 'timeout' : decision.status === 'agent_done' ? 'completed' : 'failed';
  await updateTaskRunState(layout, task.id, { status: ended, exit_code: supervised.exit.code, thread_id: events.sessionId ?? null });
  await updateMeta(layout, { thread_id: events.sessionId ?? null, exit_code: supervised.exit.code });
  return {
    ...base,
    status: decision.status,
    resultStatus: decision.resultStatus,
    blockedReason: decision.blockedReason,
    fallback: fallbackResults !== undefined,
    exitCode: supervised.exit.code,
    sessionId: events.sessionId,
    usage: usage as Record<string, number> | undefined,
    durationMs: Date.now() - started,
    summary: typeof supervised.results?.summary === 'string' ? supervised.results.summary : (fallbackResults?.note ?? undefined),
  };
}

function launchContext(run: ResolvedRun, taskId: string, prompt: string, options: OrchestrateOptions): LaunchContext {
  return {
    taskId,
    codeDir: run.codeDir,
    runDir: run.layout.runDir,
    prompt,
    briefPath: run.layout.briefPath(taskId),
    resultsPath: run.layout.resultsPath(taskId),
    lastMessagePath: run.layout.lastMessagePath(taskId),
    sandbox: run.sandbox,
    approval: run.approval,
    model: run.model,
    env: options.env ?? process.env,
  };
}

/** Changes one task of the plan under the plan lock. */
export async function setTaskState(planFile: string, taskId: string, change: (task: Task) => void): Promise<Plan> {
  const { plan } = await updatePlan(planFile, (current) => {
    const entry = current.tasks.find((candidate) => candidate.id === taskId);
    if (entry) change(entry);
  });
  return plan;
}

function minutes(value: number): number {
  return value > 0 ? value * 60_000 : 0;
}

export type { RunLayout };
