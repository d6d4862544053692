import { join, resolve } from 'node:path';

/** Every path of a run directory (see DESIGN.md, "Files on disk"). All absolute. */
export interface RunLayout {
  runDir: string;
  /** Compact runs keep no plan snapshot (the kit's `--compact-run`). */
  compact: boolean;
  metaPath: string;
  tasksDir: string;
  resultsDir: string;
  /** Only created in done-file handshake mode. */
  doneDir: string;
  controlDir: string;
  stopPath: string;
  heartbeatPath: string;
  agentPidsPath: string;
  /** `<run>/plan/plan.json`, written in the full layout only. */
  planSnapshotPath: string;
  /** Launcher scripts (Ghostty) and other helper files. */
  logsDir: string;
  /** `tasks/<id>.md`, the brief. */
  briefPath(taskId: string): string;
  /** `tasks/<id>.prompt.txt`. */
  promptPath(taskId: string): string;
  /** `results/<id>.json`, the handshake. */
  resultsPath(taskId: string): string;
  /** `done/<id>.done` (done-file mode). */
  donePath(taskId: string): string;
  /** `<run>/agent_<id>.log`. */
  agentLogPath(taskId: string): string;
  /** `<run>/last_message_<id>.txt`. */
  lastMessagePath(taskId: string): string;
  /** `<run>/verify_<id>.log`. */
  verifyLogPath(taskId: string): string;
}

/**
 * The paths of a run directory. Pure: creates nothing.
 *
 * @example
 * const layout = runLayout('/repo/.plans/pr-1/runs/20261124-101500-4242');
 * layout.resultsPath('task_001'); // '.../results/task_001.json'
 */
export function runLayout(runDir: string, options: { compact?: boolean } = {}): RunLayout {
  const dir = resolve(runDir);
  const tasksDir = join(dir, 'tasks');
  const resultsDir = join(dir, 'results');
  const doneDir = join(dir, 'done');
  const controlDir = join(dir, 'control');
  return {
    runDir: dir,
    compact: options.compact ?? false,
    metaPath: join(dir, 'meta.json'),
    tasksDir,
    resultsDir,
    doneDir,
    controlDir,
    stopPath: join(controlDir, 'stop'),
    heartbeatPath: join(controlDir, 'heartbeat.json'),
    agentPidsPath: join(controlDir, 'agent_pids.json'),
    planSnapshotPath: join(dir, 'plan', 'plan.json'),
    logsDir: join(dir, 'logs'),
    briefPath: (id) => join(tasksDir, `${id}.md`),
    promptPath: (id) => join(tasksDir, `${id}.prompt.txt`),
    resultsPath: (id) => join(resultsDir, `${id}.json`),
    donePath: (id) => join(doneDir, `${id}.done`),
    agentLogPath: (id) => join(dir, `agent_${id}.log`),
    lastMessagePath: (id) => join(dir, `last_message_${id}.txt`),
    verifyLogPath: (id) => join(dir, `verify_${id}.log`),
  };
}

/**
 * The folder that holds a PR's run folders: `<runRoot>/<pr>` with a run root (the kit's `--run-root`),
 * else `<planDir>/runs`.
 */
export function prRunsRoot(options: { planDir: string; runRoot?: string | null; pr: string }): string {
  return options.runRoot ? resolve(options.runRoot, options.pr) : resolve(options.planDir, 'runs');
}
