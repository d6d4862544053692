import { houseKeep } from '@planwright/git-ops';
import type { Plan, Task } from '@planwright/plan-schema';
import { isStopRequested, type RunLayout } from '@planwright/run-store';
import { batched } from '../batched.js';
import type { TaskExecutor } from '../executor.js';
import type { OrchestratorEvent } from '../options.js';
import type { Integration } from './integrate-one.js';
import { integrateReports, type ReportToLand } from './integrate-reports.js';
import { LandingLog } from './landing-log.js';
import { planReader } from './plan-reader.js';
import type { PushedBranch } from './push-branch.js';
import { prBranchPusher, type PrBranchPusher } from './pr-branch-pusher.js';

/** What a RemoteRun needs of its run. */
export interface RemoteRunTarget {
  pr: string;
  runId: string;
  layout: RunLayout;
  planFile: string;
  /** The checkout the PR branch is pushed from and the reports are integrated into. */
  codeDir: string;
}

/** How often a run on workers looks for control/stop while every task it sent is in flight. */
const STOP_POLL_MS = 500;

/**
 * One run's executor and what the run told it: control/stop (launches held once, the tasks whose jobs
 * were withdrawn), SIGINT (the run's jobs cancelled once). The scheduler asks about a stop only when a
 * task waits to start; with every task already sent, the run watches for it here.
 */
export class RemoteRun {
  /** Tasks whose jobs no worker had taken when launches were held: their claims go back. */
  readonly withdrawn = new Set<string>();
  /** Settles once launches are held everywhere (undefined before a stop). */
  holding: Promise<void> | undefined;
  private cancelling: Promise<void> | undefined;
  private readonly perTask = new Map<string, AbortController>();
  private readonly timer: NodeJS.Timeout;
  private readonly pusher: PrBranchPusher;
  private readonly landings = new LandingLog();
  private readonly integrate: (report: ReportToLand) => Promise<Integration>;
  /** plan.json as it is now (see planReader). */
  readonly readPlan: () => Promise<Plan>;

  constructor(
    readonly executor: TaskExecutor,
    readonly git: { remote: string; remoteUrl: string },
    private readonly run: RemoteRunTarget,
    private readonly emit: (event: OrchestratorEvent) => void,
    private readonly env?: NodeJS.ProcessEnv,
  ) {
    this.pusher = prBranchPusher(run.codeDir, git.remote, env, this.landings);
    this.integrate = batched((reports: ReportToLand[]) => integrateReports({ codeDir: run.codeDir, remote: git.remote, env }, reports));
    this.readPlan = planReader(run.planFile);
    this.timer = setInterval(() => {
      if (isStopRequested(run.layout)) this.hold();
    }, STOP_POLL_MS);
    this.timer.unref();
  }

  /** True once control/stop held the launches. */
  get held(): boolean {
    return this.holding !== undefined;
  }

  /** The signal a task's execute listens on: the run's, and its own for a withdrawn job. */
  signalFor(taskId: string, runSignal: AbortSignal): AbortSignal {
    const own = new AbortController();
    this.perTask.set(taskId, own);
    return AbortSignal.any([runSignal, own.signal]);
  }

  /** control/stop: no job of this run starts anywhere; the jobs no worker took are withdrawn. Once. */
  hold(): Promise<void> {
    this.holding ??= this.executor.holdLaunches({ pr: this.run.pr, runId: this.run.runId }).then(
      (ids) => {
        for (const id of ids) {
          this.withdrawn.add(id);
          this.perTask.get(id)?.abort();
        }
      },
      (error: unknown) => this.emit({ type: 'warning', message: `control/stop: the workers could not be told (${(error as Error).message}); jobs not yet taken may still start` }),
    );
    return this.holding;
  }

  /** SIGINT: the workers end this run's agents. Once. */
  cancel(): Promise<void> {
    this.cancelling ??= this.executor.cancel({ pr: this.run.pr, runId: this.run.runId }).catch((error: unknown) => {
      this.emit({ type: 'warning', message: `the workers could not be told to cancel this run (${(error as Error).message})` });
    });
    return this.cancelling;
  }

  /**
   * Reports integrated in batches: each batch of reports that came while the last was under way costs
   * one fetch, one walk and one cherry-pick, whatever its size (see integrateReports).
   */
  async land(report: ReportToLand): Promise<Integration> {
    const integrated = await this.integrate(report);
    if ('commit' in integrated) this.landings.landed(report.taskId);
    return integrated;
  }

  /**
   * The commit a task is sent from: the PR branch as pushed last when that holds every task it depends on
   * or clashes with that has landed (see LandingLog), else the branch pushed now.
   */
  baseFor(task: Task, mark?: (phase: string) => void): Promise<PushedBranch> {
    this.landings.launching(task);
    const pushed = this.landings.baseFor(task);
    return pushed ? Promise.resolve(pushed) : this.pushPrBranch(mark);
  }

  /** The PR branch pushed: it holds every task integrated before this call. */
  pushPrBranch(mark?: (phase: string) => void): Promise<PushedBranch> {
    return this.pusher.push(mark);
  }

  /**
   * After the last task: the PR branch once more, so the remote holds every task integrated; then git's
   * housekeeping of the checkout, which the run's fetches put off (one `gc --auto`, not one per fetch).
   */
  async pushFinal(): Promise<void> {
    await this.pushPrBranch().catch((error: unknown) => {
      this.emit({ type: 'warning', message: `the PR branch could not be pushed to ${this.git.remote} (${(error as Error).message}); push it by hand` });
    });
    await houseKeep({ cwd: this.run.codeDir, env: this.env }).catch((error: unknown) => {
      this.emit({ type: 'warning', message: `git gc --auto failed in ${this.run.codeDir} (${(error as Error).message}); the run's work is safe, run git gc there by hand` });
    });
  }

  /** Waits for a cancel under way, then closes the executor's connections. */
  async close(): Promise<void> {
    clearInterval(this.timer);
    await this.cancelling;
    await this.holding;
    await this.executor.close();
  }
}

interface OpenRemoteRun {
  run: RemoteRunTarget;
  env?: NodeJS.ProcessEnv;
  executor: TaskExecutor;
  git: { remote: string; remoteUrl: string };
  emit: (event: OrchestratorEvent) => void;
  /** SIGINT/SIGTERM of the caller: the run's jobs are cancelled on their workers. */
  signal?: AbortSignal;
}

/** The run's RemoteRun, cancelling its jobs when `signal` aborts. */
export function openRemoteRun({ run, executor, git, emit, signal, env }: OpenRemoteRun): RemoteRun {
  const remote = new RemoteRun(executor, git, run, emit, env);
  if (signal?.aborted) void remote.cancel();
  else signal?.addEventListener('abort', () => void remote.cancel(), { once: true });
  return remote;
}
