import { existsSync } from 'node:fs';
import type { Handshake, Results } from '@planwright/plan-schema';
import { settleResults, watchForDoneFile, watchForResults, writeHeartbeat, type ResultsCheck, type RunLayout } from '@planwright/run-store';
import type { AgentEventParser } from '../adapters/agent-events.js';
import { LogFollower } from './log-follower.js';
import { boundedIntervalMs, setLongTimeout } from './long-timer.js';
import type { AgentExit, AgentProcess } from './spawn-agent.js';
import { abortedBy, timeoutAfter } from './waits.js';

/** Why the wait ended. */
export type Ending = 'results' | 'turn_end' | 'exit' | 'timeout' | 'stalled' | 'interrupted';

export interface SuperviseOptions {
  layout: RunLayout;
  taskId: string;
  runId: string;
  handshake: Handshake;
  /** Where the agent works: a results file it writes there instead of the run folder is moved in. */
  codeDir: string;
  /** The repository root, when the agent works in a worktree of it. */
  repoRoot?: string;
  agent: AgentProcess;
  parser: AgentEventParser;
  /** 0 = no timeout. */
  timeoutMs: number;
  /** Between TERM and KILL when the group is ended. */
  graceMs: number;
  /** How long an agent that delivered may take to exit on its own. */
  resultsGraceMs: number;
  /** End an agent that emitted no event for this long (0 = never). */
  stallMs?: number;
  heartbeatMs: number;
  /** Aborted on SIGINT/SIGTERM of the orchestrator. */
  signal?: AbortSignal;
  /** Each line of the agent's output, for `--stream-agent-output`. */
  onLine?: (line: string) => void;
  /**
   * The log's size when this agent started: a resumed session (follow-up, reminder) appends to the log
   * of the earlier run, whose end-of-turn event must not end this one. Default 0.
   */
  logOffset?: number;
}

export interface Supervised {
  ending: Ending;
  /** Valid results for this task and run, when the agent delivered (even if it was then ended). */
  results?: Results;
  /** The last look at the results file: what was wrong with it when it is not valid (missing, stale...). */
  check: ResultsCheck;
  /** The done marker exists (done-file handshake), whichever event ended the wait. */
  doneMarker: boolean;
  exit: AgentExit;
}

/** After the end of a turn, the moment codex needs to flush and exit. */
const TURN_END_EXIT_MS = 10_000;

/**
 * Waits for the first of: valid results (watched, not polled), the agent's end-of-turn event, the
 * agent's exit, the timeout, a stall, an interrupt. Whatever ends the wait, the agent's process group is
 * gone when this returns (ended after a grace when it did not exit by itself), and the results are
 * checked one last time (settleResults: repaired, or moved in from the code dir), so a result written in
 * the same instant as a timeout still counts.
 */
export async function superviseTask(options: SuperviseOptions): Promise<Supervised> {
  const { agent, parser } = options;
  const stop = new AbortController();
  let turnEnded!: () => void;
  const turnEnd = new Promise<void>((resolve) => (turnEnded = resolve));
  const follower = new LogFollower(options.layout.agentLogPath(options.taskId), {
    startAt: options.logOffset,
    onLine: (line) => {
      parser.feed(line);
      options.onLine?.(line);
      if (parser.state.turnEnded) turnEnded();
    },
  });
  await follower.start();
  const heartbeat = setInterval(() => void beat(options, parser), boundedIntervalMs(options.heartbeatMs, 1_000));
  if (options.heartbeatMs > 0) void beat(options, parser);
  else clearInterval(heartbeat);
  try {
    const ending = await Promise.race<Ending>([
      delivered(options, stop.signal).then(() => 'results' as const),
      turnEnd.then(() => 'turn_end' as const),
      agent.exited.then(() => 'exit' as const),
      timeoutAfter(options.timeoutMs, stop.signal).then(() => 'timeout' as const),
      stalled(options, parser, stop.signal).then(() => 'stalled' as const),
      abortedBy(options.signal, stop.signal).then(() => 'interrupted' as const),
    ]);
    const patience = ending === 'results' ? options.resultsGraceMs : ending === 'turn_end' ? TURN_END_EXIT_MS : 0;
    const exit = await endAgent(agent, patience, options.graceMs);
    await follower.poke();
    const check = await settleResults(options.layout, { taskId: options.taskId, runId: options.runId, codeDir: options.codeDir, repoRoot: options.repoRoot });
    const doneMarker = options.handshake === 'done-file' && existsSync(options.layout.donePath(options.taskId));
    return { ending, exit, results: check.state === 'valid' ? check.results : undefined, check, doneMarker };
  } finally {
    stop.abort();
    clearInterval(heartbeat);
    await follower.close();
  }
}

/** Waits up to `patienceMs` for the agent to exit by itself, then ends its whole group. */
async function endAgent(agent: AgentProcess, patienceMs: number, graceMs: number): Promise<AgentExit> {
  let cancel = () => undefined as void;
  const patience = new Promise<undefined>((resolve) => (cancel = setLongTimeout(() => resolve(undefined), patienceMs)));
  const exited = await Promise.race([agent.exited, patience]);
  cancel();
  if (exited) return exited;
  await agent.terminate(graceMs);
  return agent.exited;
}

function delivered(options: SuperviseOptions, signal: AbortSignal): Promise<unknown> {
  const watching =
    options.handshake === 'results-json'
      ? watchForResults(options.layout, options.taskId, options.runId, { signal })
      : watchForDoneFile(options.layout, options.taskId, { signal });
  return watching.catch(() => new Promise(() => undefined));
}

function stalled(options: SuperviseOptions, parser: AgentEventParser, signal: AbortSignal): Promise<void> {
  const stallMs = options.stallMs ?? 0;
  if (stallMs <= 0) return new Promise(() => undefined);
  return new Promise((resolve) => {
    const timer = setInterval(() => {
      const last = parser.state.lastEventAt ?? options.agent.startedAt;
      if (Date.now() - last.getTime() >= stallMs) {
        clearInterval(timer);
        resolve();
      }
    }, Math.min(1_000, stallMs));
    signal.addEventListener('abort', () => clearInterval(timer), { once: true });
  });
}

async function beat(options: SuperviseOptions, parser: AgentEventParser): Promise<void> {
  await writeHeartbeat(options.layout, {
    task_id: options.taskId,
    run_id: options.runId,
    waiting_for: options.handshake === 'results-json' ? options.layout.resultsPath(options.taskId) : options.layout.donePath(options.taskId),
    last_event_at: parser.state.lastEventAt?.toISOString() ?? null,
  }).catch(() => undefined); // A heartbeat that cannot be written must not end the run.
}
