import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { orchestrate, taskTimings, type RemoteTaskReport, type RemoteTaskRequest, type TaskOutcome } from '@planwright/agent-runner';
import { PlanwrightError } from '@planwright/cli-kit';
import { houseKeep } from '@planwright/git-ops';
import { checkRepoAllowed } from './allow-repo.js';
import { commitAndPush } from './commit-and-push.js';
import { cleanupOf, pendingCleanup } from './job-cleanups.js';
import { jobNames } from './job-names.js';
import { jobReport } from './job-report.js';
import { jobRunSettings, type JobRunSettings } from './job-settings.js';
import { housekeepingDue } from './housekeeping-schedule.js';
import { releaseSlot, removeUsedSlots, takeSlot, type JobSlot } from './job-slot.js';
import { ensureMirror, withMirrorLock } from './mirror.js';
import { claimJobDir, jobsRoot } from './orphaned-jobs.js';
import { writeOneTaskPlan } from './one-task-plan.js';
import { eventLine } from './event-line.js';
import type { RunJob, RunJobContext } from './run-job-type.js';

/** The job's signal aborted (the coordinator cancelled the run, or the worker shuts down): its agent was ended, nothing pushed. */
export class JobInterruptedError extends PlanwrightError {
  override name = 'JobInterruptedError';

  constructor(message: string) {
    // 130, as an interrupted local run exits.
    super(message, { exitCode: 130 });
  }
}

/**
 * Runs one task job on this machine: the repository checked against --allow-repo, its base commit in a
 * mirror of the remote in the cache, a worktree there on the task branch, agent-runner's own orchestrate()
 * on a one-task plan (so adapters, supervision, timeouts, stall detection, verify and retries are a local
 * run's), then one commit `<task id>: <title>` of the worktree pushed as the task branch and the attempt's
 * own ref, and the report. A blocked task's work is pushed too (the report's `commit`), for a person to
 * look at; the coordinator integrates only done and agent_done. The worktree is a slot of the cache taken
 * for the job and given back cleaned whatever happened (in a worker, kept for the next job, and removed at
 * the worker's stop: `atStop`; else removed), and the run folder removed: after the report when the context
 * takes the cleanup (`afterReport`), else before it returns. Every 25th job of a mirror runs git's
 * housekeeping on it in its cleanup. With `PLANWRIGHT_TIMINGS` set in the job's environment, one JSON
 * line per job gives its phases (mirror, worktree, plan, agent run, commit, push, report, cleanup).
 *
 * @example
 * const report = await runTaskJob(request, { placement, cacheDir: '/var/cache/planwright', allowRepos: [], signal });
 */
export const runTaskJob: RunJob = async (request, context) => {
  checkRepoAllowed({ url: request.remote, allowRepos: context.allowRepos, worker: context.placement.worker });
  const names = jobNames(request, context.placement);
  const settings = jobRunSettings(request.settings);
  const env = context.env ?? process.env;
  const say = (line: string) => context.onLine?.(`${request.task.id}: ${line}`);
  const timings = taskTimings(request.task.id, env);
  // The same attempt taken again by this worker: its predecessor's cleanup would remove what it makes.
  await cleanupOf(names.key);
  const mirror = await ensureMirror({ cacheDir: context.cacheDir, remote: request.remote, prBranch: request.prBranch, baseSha: request.baseSha, env });
  say(`${mirror.created ? 'mirrored' : mirror.fetched ? 'fetched' : 'found'} ${request.baseSha.slice(0, 12)} of ${request.prBranch}`);
  timings.mark('mirror');
  interruptedIf(context, request);
  const jobDir = join(jobsRoot(context.cacheDir), names.key);
  // In a worker, slots outlive their jobs until it stops; a job run on its own leaves nothing behind.
  const keep = context.atStop !== undefined;
  context.atStop?.('job slots', () => removeUsedSlots({ env, onError: (line) => context.onLine?.(line) }));
  let slot: JobSlot | undefined;
  // A cleanup that fails must not turn a pushed task into a retried one (nor hide the job's own error):
  // it is said, and the slot is made anew by its next taker.
  const cleanUp = async () => {
    if (slot) await releaseSlot(slot, { keep, env }).catch((error: Error) => say(`could not clean the worktree ${slot!.path}: ${error.message}`));
    await rm(jobDir, { recursive: true, force: true }).catch((error: Error) => say(`could not remove ${jobDir}: ${error.message}`));
    if (housekeepingDue(mirror.path)) {
      await withMirrorLock(mirror.path, () => houseKeep({ cwd: mirror.path, env })).catch((error: Error) => say(`git housekeeping of ${mirror.path} failed: ${error.message}`));
    }
    timings.mark('cleanup');
    await timings.done();
  };
  let report: RemoteTaskReport;
  try {
    await claimJobDir(jobDir, say);
    slot = await takeSlot({ cacheDir: context.cacheDir, mirror: mirror.path, baseSha: request.baseSha, env });
    const codeDir = slot.path;
    timings.mark('worktree');
    const { planDir } = await writeOneTaskPlan({ jobDir, request });
    timings.mark('plan');
    interruptedIf(context, request);
    const outcome = await runOneTask({ request, settings, planDir, codeDir, jobDir, env, context, say });
    timings.mark('agent run');
    const commit = await commitAndPush({ codeDir, gitDir: slot.gitDir, request, names, env, timings, ownsJob: context.ownsJob, say });
    say(commit ? `pushed ${commit.sha.slice(0, 12)} to ${request.taskBranch}` : 'nothing changed, nothing pushed');
    report = await jobReport({ outcome, ...reportStatus(outcome), placement: context.placement, commit });
    timings.mark('report');
  } catch (error) {
    await cleanUp();
    throw error;
  }
  // The report does not wait for the cleanup: the coordinator integrates the task meanwhile.
  const cleanup = pendingCleanup(names.key, cleanUp);
  if (context.afterReport) context.afterReport(cleanup);
  else await cleanup();
  return report;
};

interface OneTaskOptions {
  request: RemoteTaskRequest;
  settings: JobRunSettings;
  planDir: string;
  codeDir: string;
  jobDir: string;
  env: NodeJS.ProcessEnv;
  context: RunJobContext;
  say: (line: string) => void;
}

/** agent-runner's orchestrate() on the one-task plan, in the worktree; the task's outcome. */
async function runOneTask(options: OneTaskOptions): Promise<TaskOutcome> {
  const { request, context } = options;
  const result = await orchestrate({
    ...options.settings,
    planDir: options.planDir,
    codeDir: options.codeDir,
    runRoot: join(options.jobDir, 'runs'),
    taskId: request.task.id,
    compactRun: true,
    // This machine's orchestrator.toml gives its agents, models and budgets, not where or on which branch
    // the task runs: here (even if it names a queue: the machine may be a coordinator too), in a repo that
    // needs no set-up (ensure_git would edit .gitignore). '' rather than the task branch: the worktree is
    // at the base, detached, and the push names the branch; checking out a branch costs four git processes.
    executor: 'local',
    gitBranch: '',
    ensureGit: false,
    env: options.env,
    signal: context.signal,
    onEvent: (event) => {
      const line = eventLine(event);
      if (line) options.say(line);
    },
  });
  interruptedIf(context, request);
  const outcome = result.outcomes.find((candidate) => candidate.taskId === request.task.id);
  if (!outcome) throw new PlanwrightError(`${request.task.id}: the worker's run ended without running the task (exit code ${result.exitCode})`, { hint: 'the worker output above says why' });
  return outcome;
}

function interruptedIf(context: RunJobContext, request: RemoteTaskRequest): void {
  if (context.signal.aborted) throw new JobInterruptedError(`${request.task.id}: interrupted on worker ${context.placement.worker} (the run was cancelled or the worker stopped)`);
}

/**
 * The report's status: the one-task run's, where it is one the coordinator records. A task the run left
 * otherwise (paused past the signal, or in_progress) did not finish here: blocked, saying so.
 */
function reportStatus(outcome: TaskOutcome): { status: RemoteTaskReport['status']; blockedReason?: string } {
  if (outcome.status === 'done' || outcome.status === 'agent_done') return { status: outcome.status };
  if (outcome.status === 'blocked') return { status: 'blocked', blockedReason: outcome.blockedReason };
  return { status: 'blocked', blockedReason: `worker_run_left_${outcome.status}` };
}
