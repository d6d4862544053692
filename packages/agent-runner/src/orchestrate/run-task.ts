import { writeFile } from 'node:fs/promises';
import { MergeConflictError } from '@planwright/git-ops';
import type { Task } from '@planwright/plan-schema';
import { moveAsideStale, updateMeta } from '@planwright/run-store';
import type { AgentAdapter } from '../adapters/adapter.js';
import type { VerifyOutcome } from '../verify/run-verify.js';
import { addUsage, annotateResults, type TaskAccount } from './accounting.js';
import { renderBrief, renderPrompt } from './brief.js';
import { claimTask, releaseClaim } from './claim-task.js';
import { closeWindow, commitWork, excludedFolders, openTaskWindow } from './commit-work.js';
import { prepareFollowUp, verifyTask } from './follow-up.js';
import { runWithReminders, type RemindedAttempt } from './handshake-reminders.js';
import type { OrchestrateOptions, OrchestratorEvent, TaskOutcome } from './options.js';
import type { TaskWindow } from './task-windows.js';
import type { ResolvedRun } from './prepare-run.js';
import { recordOutcome, setTaskState, type Verdict } from './record-outcome.js';
import { createPauseGate, type PauseGate } from './pause-gate.js';
import { pauseAndResume, limitOf } from './pause-step.js';
import { earlierPause } from './pause.js';
import { nextStep, settledVerdict } from './retry-policy.js';
import { taskBudgetFor } from './task-budget.js';
import { settleWithoutResults } from './verify-decides.js';
import { closeWorktree, mergeBack, openWorktree, type TaskWorktree } from './worktrees.js';

export interface RunTaskContext {
  run: ResolvedRun;
  task: Task;
  adapter: AgentAdapter;
  options: OrchestrateOptions;
  emit: (event: OrchestratorEvent) => void;
  /** The run's usage-limit pauses (a fresh one when absent). */
  pauses?: PauseGate;
}

/**
 * One task, start to finish: its worktree (with --worktrees), the brief, `in_progress`, the agent, and —
 * with --auto-verify — its verify commands, follow-ups that resume the agent's session while they fail
 * (--retries), then `done` (which unlocks dependents at once), the commit and the merge back. An agent
 * that ends its turn without results is reminded (--handshake-reminders), then the verify commands
 * decide for it (--auto-verify). The plan, meta.json and the results file get the accounting (thread,
 * tokens, duration, attempts, reminders).
 */
export async function runTask({ run, task, adapter, options, emit, pauses = createPauseGate() }: RunTaskContext): Promise<TaskOutcome> {
  const { layout } = run;
  const started = Date.now();
  // Claim the task under the plan lock first: another orchestrator on this PR may have taken it since
  // it was picked, and a task must never run twice at once.
  const before = await claimTask(run, task);
  const base = { taskId: task.id, resultsPath: layout.resultsPath(task.id), logPath: layout.agentLogPath(task.id) };
  if (!before) return { ...base, status: 'skipped', fallback: false, exitCode: null, durationMs: 0, summary: 'taken by another orchestrator' };
  const { worktree, codeDir, prompt, window } = await prepareTask(run, task, options).catch(async (error: unknown) => {
    // No agent ran: hand the task back as it was, so a failed brief or worktree costs the plan nothing.
    await releaseClaim(run, before).catch(() => undefined);
    throw error;
  });
  await updateMeta(layout, { status: 'task_preparing', current_task_id: task.id, results_path: layout.resultsPath(task.id), agent_log_path: layout.agentLogPath(task.id) });
  const taskBudget = taskBudgetFor(run, task, adapter.name, options.model, started);
  const input = { run, task, adapter, options, emit, codeDir, prompt, taskBudget, gate: pauses };
  // Paused by an earlier invocation (stopped or killed during the wait): wait out the rest, resume its session.
  const earlier = earlierPause(before);
  const first = earlier ? await pauseAndResume(input, earlier, earlier.sessionId) : await runWithReminders(input);
  if (!first) return { ...base, status: 'paused', fallback: false, exitCode: null, durationMs: Date.now() - started, summary: earlier?.reason };
  if (options.noWait) return { ...base, status: 'in_progress', fallback: false, exitCode: null, durationMs: Date.now() - started, attempts: 1 };

  const account: TaskAccount = { thread_id: null, usage: null, duration_ms: 0, attempts: 0, reminders: 0 };
  // Every run counts, reminder turns too: their tokens and time are the task's.
  const count = (reminded: RemindedAttempt) => {
    account.attempts++;
    account.reminders += reminded.reminders;
    for (const result of reminded.runs) {
      account.usage = addUsage(account.usage, result.usage);
      account.thread_id = result.events.sessionId ?? account.thread_id;
    }
    return reminded.attempt;
  };
  let attempt = count(first);
  let verdict: Verdict | undefined;
  let verify: VerifyOutcome | undefined;
  let pausedMs = 0;
  // nextStep decides (retry-policy.ts); this loop only carries its steps out.
  for (let followUps = 0; verdict === undefined; ) {
    const facts = { blocked: attempt.decision.status === 'blocked', autoVerify: run.autoVerify, verifyCommands: task.verify?.length ?? 0, followUps, retries: run.retries, aborted: options.signal?.aborted ?? false };
    const pause = { limit: limitOf(adapter, attempt), pausedMs, maxPauseMs: run.maxPauseMinutes * 60_000 };
    const step = nextStep({ ...facts, ...pause, verify: verify && { passed: verify.passed, failedCommand: verify.failure?.command } });
    if (step.action === 'settle') {
      const settled = await settleWithoutResults({ run, task, adapter, options, emit, codeDir }, attempt);
      attempt = settled;
      verdict = settledVerdict({ verified: settled.verified, blockedReason: settled.decision.blockedReason });
    } else if (step.action === 'accept' || step.action === 'give-up') {
      if (step.action === 'accept' && step.warning) emit({ type: 'warning', message: `${task.id}: ${step.warning}` });
      verdict = step.verdict;
    } else if (step.action === 'pause') {
      const waitStarted = Date.now();
      const resumed = await pauseAndResume(input, step, attempt.events.sessionId, attempt.reportedUsage);
      pausedMs += Date.now() - waitStarted;
      if (!resumed) return { ...base, status: 'paused', fallback: false, exitCode: attempt.supervised?.exit.code ?? null, durationMs: Date.now() - started, summary: step.reason };
      attempt = count(resumed);
    } else if (step.action === 'verify') {
      verify = await verifyTask(run, task, codeDir, options, emit);
    } else {
      emit({ type: 'retry', taskId: task.id, attempt: step.attempt, reason: step.reason });
      const sessionId = adapter.resume ? attempt.events.sessionId : undefined;
      const nextPrompt = await prepareFollowUp(run, task, { attempt: step.attempt, failure: verify!.failure!, sessionId, prompt });
      attempt = count(await runWithReminders({ run, task, adapter, options, emit, codeDir, prompt: nextPrompt, taskBudget, resume: sessionId ? { sessionId, usageBefore: attempt.reportedUsage } : undefined }));
      verify = undefined;
      followUps++;
    }
  }

  const committed =
    verdict.status === 'done' && (run.commit || worktree)
      ? await commitWork({ codeDir, task, results: attempt.results, wholeTree: worktree !== undefined, window, excluded: excludedFolders(run), env: options.env })
      : undefined;
  await closeWindow(window);
  const commit = committed?.commit;
  if (commit) emit({ type: 'commit', taskId: task.id, sha: commit.after });
  const uncommitted = committed?.uncommitted ?? [];
  if (uncommitted.length > 0) {
    const named = uncommitted.map((entry) => `${entry.file} (also ${entry.tasks.slice(1).join(', ')})`).join(', ');
    emit({ type: 'warning', message: `${task.id}: left uncommitted, named by another task running at the same time: ${named}` });
  }
  if (worktree) verdict = await finishWorktree(run, task, worktree, verdict, options, emit);
  account.duration_ms = Date.now() - started;
  await recordOutcome(run, task, verdict, account, commit, attempt.supervised?.exit.code ?? null, adapter.name);
  await annotateResults(layout, task.id, account, committed && !worktree ? { uncommitted_files: uncommitted.map((entry) => entry.file) } : {});
  return {
    ...base,
    status: verdict.status,
    resultStatus: attempt.decision.resultStatus,
    blockedReason: verdict.blockedReason,
    fallback: attempt.fallback !== undefined,
    exitCode: attempt.supervised?.exit.code ?? null,
    sessionId: account.thread_id ?? undefined,
    usage: (account.usage ?? undefined) as Record<string, number> | undefined,
    durationMs: account.duration_ms,
    attempts: account.attempts,
    reminders: account.reminders,
    verified: verdict.verified,
    commit,
    uncommittedFiles: committed && !worktree ? uncommitted.map((entry) => entry.file) : undefined,
    summary: typeof attempt.results?.summary === 'string' ? attempt.results.summary : (attempt.fallback?.note ?? undefined),
  };
}

/**
 * What the agent needs before it starts: stale results moved aside, its worktree, the brief and prompt,
 * and — for a commit in the shared checkout — a snapshot of the tree, to tell later what it changed.
 */
async function prepareTask(run: ResolvedRun, task: Task, options: OrchestrateOptions): Promise<{ worktree?: TaskWorktree; codeDir: string; prompt: string; window?: TaskWindow }> {
  const { layout, runId } = run;
  await moveAsideStale(layout, task.id, runId);
  const worktree = run.worktrees ? await openWorktree(run.codeDir, run.pr, task.id, options.env) : undefined;
  const codeDir = worktree?.path ?? run.codeDir;
  const prompt = renderPrompt({ task, layout, runId, handshake: run.handshake });
  await writeFile(layout.briefPath(task.id), renderBrief({ goal: run.goal, task, layout, codeDir, runId, handshake: run.handshake }));
  await writeFile(layout.promptPath(task.id), prompt);
  if (worktree) await setTaskState(run.planFile, task.id, (entry) => void (entry.worktree = worktree.path));
  const window = await openTaskWindow({ task, codeDir, excluded: excludedFolders(run), enabled: run.commit && run.autoVerify && !worktree && !options.noWait, env: options.env });
  return { worktree, codeDir, prompt, window };
}

/** Merges a verified task back; keeps the worktree of a task a person must look at. */
async function finishWorktree(run: ResolvedRun, task: Task, worktree: TaskWorktree, verdict: Verdict, options: OrchestrateOptions, emit: RunTaskContext['emit']): Promise<Verdict> {
  if (verdict.status === 'done') {
    try {
      const merged = await mergeBack(run.codeDir, worktree, options.env);
      emit({ type: 'merge', taskId: task.id, method: merged.method });
      await closeWorktree(run.codeDir, worktree, true, options.env);
      return verdict;
    } catch (error: unknown) {
      if (!(error instanceof MergeConflictError)) throw error;
      emit({ type: 'merge', taskId: task.id, method: 'conflict', conflicts: error.paths });
      return { status: 'blocked', verified: true, blockedReason: `merge_conflict: ${error.paths.join(', ')}` };
    }
  }
  // Unverified work stays on the task's branch; the worktree goes unless a person must look at it.
  if (verdict.status === 'agent_done') {
    // Not verified, so not merged: commit the agent's work on the task branch before the worktree goes,
    // or removing the worktree would throw that work away.
    const kept = await commitWork({ codeDir: worktree.path, task, wholeTree: true, env: options.env });
    emit({ type: 'commit', taskId: task.id, sha: kept.commit?.after, note: `unverified, on ${worktree.branch}` });
    await closeWorktree(run.codeDir, worktree, false, options.env);
  }
  return verdict;
}
