import type { Results, Task } from '@planwright/plan-schema';

// The seam between the orchestrator (the coordinator: scheduler, plan.json, git integration) and an
// executor that runs claimed tasks elsewhere (@planwright/workers: BullMQ on Redis, git as transport).
// agent-runner declares it and never imports an executor: the umbrella hands the factories in
// (`runCommandWith`, `OrchestrateOptions.executors`), so the packages depend one way.

/** Where a task runs, as its executor reports it: shown by `planwright status`, kept on the plan entry. */
export interface TaskPlacement {
  /** The worker machine's host name. */
  host: string;
  /** The worker's name (`--name`, else `<host>-<pid>`). */
  worker: string;
  /** 1 for the first worker to take the job; more after a worker died (stalled) and another took it. */
  attempt: number;
}

/**
 * The orchestrator options a worker applies to its own one-task run. Values only: no paths of the
 * coordinator's machine, no environment, no credentials (agent credentials live on the worker machines).
 */
export interface RemoteTaskSettings {
  agent: string;
  model?: string;
  sandbox?: string;
  approval?: string;
  handshake?: string;
  handshakeReminders?: number;
  timeoutMinutes?: number;
  timeoutGraceSeconds?: number;
  resultsGraceSeconds?: number;
  stallMinutes?: number;
  maxPauseMinutes?: number;
  autoVerify: boolean;
  retries: number;
  verifyTimeoutMinutes?: number;
}

/** One claimed task, as the coordinator hands it to an executor. */
export interface RemoteTaskRequest {
  /** The PR's folder name (`.plans/<pr>/`). */
  pr: string;
  /** The coordinator's run id; with `pr` and the task id it names the job, so none is sent twice. */
  runId: string;
  /** The plan entry as claimed (status in_progress on the coordinator; the worker runs it as pending). */
  task: Task;
  /** The plan's goal, for the brief. */
  goal?: string;
  /** The git remote's URL that the worker fetches from and pushes to. Never carries a password. */
  remote: string;
  /** The PR branch on the remote, pushed just before this request, and its head: the task's base. */
  prBranch: string;
  baseSha: string;
  /** The branch the worker pushes the task's commit to: `planwright/<PR>/<task id>`. */
  taskBranch: string;
  settings: RemoteTaskSettings;
}

/** How the task ended on its worker: what the coordinator integrates and records. */
export interface RemoteTaskReport {
  /** The status the worker's one-task run left the task in. */
  status: 'agent_done' | 'done' | 'blocked';
  blockedReason?: string;
  /** The task's verify commands all passed on the worker (--auto-verify). */
  verified: boolean;
  /** The results document the agent wrote (or the worker's orchestrator wrote for it). */
  results?: Results;
  summary?: string;
  resultStatus?: string;
  threadId?: string;
  usage?: Record<string, number>;
  durationMs: number;
  /** Agent runs (follow-ups included) and handshake reminders, as a local run counts them. */
  attempts: number;
  reminders: number;
  exitCode: number | null;
  /** The last lines of the agent's log (a few KB), for the coordinator's agent_<id>.log. */
  logTail: string;
  placement: TaskPlacement;
  /**
   * The task's commit, pushed as `taskBranch` and as `attemptRef` (a ref of this attempt alone, so a
   * late worker that pushes the branch again cannot change what is integrated). None: nothing changed.
   */
  commit?: { sha: string; attemptRef: string };
}

/** A job sent for a task by an earlier coordinator (found again after a restart), as the queue knows it. */
export type AdoptedTask =
  | { state: 'unknown' }
  | { state: 'finished'; report: RemoteTaskReport }
  | { state: 'failed'; reason: string }
  | { state: 'running'; placement?: TaskPlacement; report: Promise<RemoteTaskReport> };

export interface ExecuteHooks {
  /** A worker took the job (again, after a stall: a higher attempt). */
  placed: (placement: TaskPlacement) => void;
  /** The run is interrupted: the executor stops waiting and rejects. */
  signal: AbortSignal;
}

/** Runs claimed tasks somewhere else and reports how each ended. */
export interface TaskExecutor {
  /** For messages: the queue's URL without its password. */
  readonly name: string;
  /**
   * Sends the task and settles with its report once a worker finished it. Rejects only when the job
   * failed for good (the message, one line, becomes the task's `blocked_reason` as `worker_failed: <it>`)
   * or when `hooks.signal` aborted (the task is then `interrupted`, as a local run's).
   */
  execute(request: RemoteTaskRequest, hooks: ExecuteHooks): Promise<RemoteTaskReport>;
  /** The job an earlier run sent for this task (its `last_run_id`), so a restart sends nothing twice. */
  adopt(job: { pr: string; runId: string; taskId: string }, hooks: ExecuteHooks): Promise<AdoptedTask>;
  /**
   * control/stop: no job of this run starts anywhere any more; jobs no worker took yet are withdrawn.
   * Resolves with the ids of the tasks whose jobs were withdrawn: the coordinator gives their claims back
   * (and aborts their `execute`, which should then reject).
   */
  holdLaunches(run: { pr: string; runId: string }): Promise<string[]>;
  /** SIGINT: the workers end the agents of this run's running jobs; those jobs fail as interrupted. */
  cancel(run: { pr: string; runId: string }): Promise<void>;
  /** Closes its connections. */
  close(): Promise<void>;
}

/** What the orchestrator lends an executor it makes. */
export interface ExecutorContext {
  /** A line for the person watching (the queue is unreachable, reachable again); never fails the run. */
  notice: (message: string) => void;
}

/** Makes the executor for `--executor <url>`; one per URL scheme (`redis`, `rediss`). Bad URL: a UsageError. */
export type ExecutorFactory = (url: string, context: ExecutorContext) => Promise<TaskExecutor>;

/** The executors a caller offers, by URL scheme without the colon. */
export type ExecutorFactories = Readonly<Record<string, ExecutorFactory>>;
