/** One planwright tool call of a planning session, and what came back. */
export interface PlannerCall {
  /** The tool's own name (`status`, `add_tasks`, ...), without the client's `mcp__planwright` prefix. */
  tool: string;
  args: Record<string, unknown>;
  /** The tool's answer: its JSON document when the text is one, else the text; undefined while none came back. */
  result?: unknown;
  /** True when the client reported a tool error (a refused call, a server that failed). */
  isError?: boolean;
}

/** What the scripted planner plans: the PR, its goal, the tasks it adds and how it runs them. */
export interface PlannerOptions {
  pr: string;
  goal: string;
  /** The tasks `add_tasks` gets, as its input takes them (`id`, `title`, `description`, `verify`, ...). */
  tasks: Array<Record<string, unknown> & { id: string }>;
  /** `start_run`'s options besides `pr` (default: `{ max_tasks: <number of tasks> }`). */
  run?: Record<string, unknown>;
  /** `wait_run`'s `timeout_seconds` (default 30). */
  waitSeconds?: number;
  /** At most this many `wait_run` calls per run before the planner gives up (default 40). */
  maxWaits?: number;
  /** At most this many runs (default 3): a new one starts while the plan has runnable tasks. */
  maxRuns?: number;
  /** The note `mark_verified` records (default: says the scripted planner checked it). */
  note?: string;
}

/**
 * The planner's next move: a tool call, or its closing message (which ends the turn). `retry` counts the
 * calls the client could not deliver yet (see `nextPlannerStep`): the script waits a second before it.
 */
export type PlannerStep = { tool: string; args: Record<string, unknown>; retry?: number } | { message: string };

// What the clients answer for a tool of a server that has not finished starting: codex 0.169
// ("unsupported call: mcp__planwrightstatus"), Claude Code ("No such tool available").
const NOT_DELIVERED = /unsupported call|no such tool/i;
const MAX_RETRIES = 20;

const asObject = (value: unknown): Record<string, unknown> => (typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {});
const asArray = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);

/**
 * The planning session of issue 13, one step per model request, decided from the tool results so far
 * (so it keeps no state and survives a retried request): `status`, `add_tasks` (creating the plan with
 * the goal), then rounds of `start_run`, `wait_run` until the run has ended, `status`, `mark_verified`
 * for each task it shows `agent_done`, `status` again; a new round while tasks are runnable (dependents
 * of the ones just verified), up to `maxRuns`; then a message naming the verified tasks. A refused call
 * ends the session with a message quoting the error, as a planner would report it. A call the client
 * could not deliver (the server was still starting) is made again, up to 20 times.
 */
export function nextPlannerStep(all: PlannerCall[], options: PlannerOptions): PlannerStep {
  const { pr } = options;
  // Calls that never reached planwright are made again, as a model does when a tool is not there yet.
  const undelivered = (call: PlannerCall | undefined) => call?.isError === true && NOT_DELIVERED.test(String(call.result));
  const calls = all.filter((call) => !undelivered(call));
  const retry = all.length - calls.length;
  if (retry > MAX_RETRIES) return { message: `gave up: the planwright tools were not there after ${retry} tries` };
  const step = decide(calls, options);
  return 'tool' in step && undelivered(all.at(-1)) ? { ...step, retry } : step;
}

function decide(calls: PlannerCall[], options: PlannerOptions): PlannerStep {
  const { pr } = options;
  const failed = calls.find((call) => call.isError && call.tool !== 'status');
  if (failed) return { message: `planwright refused ${failed.tool}: ${typeof failed.result === 'string' ? failed.result : JSON.stringify(failed.result)}` };
  if (!calls.some((call) => call.tool === 'status')) return { tool: 'status', args: { pr } };
  if (!calls.some((call) => call.tool === 'add_tasks')) return { tool: 'add_tasks', args: { pr, goal: options.goal, tasks: options.tasks } };
  const startRun = { tool: 'start_run', args: { pr, ...(options.run ?? { max_tasks: options.tasks.length }) } };
  const runs = calls.filter((call) => call.tool === 'start_run').length;
  if (runs === 0) return startRun;
  const round = calls.slice(calls.findLastIndex((call) => call.tool === 'start_run'));
  const of = (tool: string) => round.filter((call) => call.tool === tool);
  const runId = asObject(round[0]!.result).run_id;
  const waits = of('wait_run');
  if (waits.length === 0 || asObject(waits.at(-1)!.result).active !== false) {
    if (waits.length >= (options.maxWaits ?? 40)) return { message: `gave up: run ${String(runId)} still active after ${waits.length} waits` };
    return { tool: 'wait_run', args: { pr, ...(typeof runId === 'string' ? { run_id: runId } : {}), timeout_seconds: options.waitSeconds ?? 30 } };
  }
  // After the run: what the plan says now, a verdict on each task its agent finished, the plan again.
  const statuses = of('status');
  if (statuses.length === 0) return { tool: 'status', args: { pr } };
  const tasks = asArray(asObject(statuses[0]!.result).tasks).map(asObject);
  const marked = new Set(of('mark_verified').map((call) => String(call.args.task)));
  const toMark = tasks.find((task) => task.status === 'agent_done' && !marked.has(String(task.id)));
  if (toMark) return { tool: 'mark_verified', args: { pr, task: String(toMark.id), note: options.note ?? 'checked by the scripted planner' } };
  if (statuses.length === 1) return { tool: 'status', args: { pr } };
  const last = asObject(statuses.at(-1)!.result);
  if (asArray(last.runnable).length > 0 && runs < (options.maxRuns ?? 3)) return startRun;
  const verified = calls.filter((call) => call.tool === 'mark_verified').map((call) => String(call.args.task));
  return { message: `Verified: ${verified.join(', ') || 'none'}. Counts: ${JSON.stringify(asObject(last.counts))}.` };
}

/**
 * A tool's answer as a client relays it to the model (a string, or text parts): its JSON document when the
 * text is one, else the text. Codex relays the MCP `CallToolResult` itself, so its `structuredContent`,
 * `content` and `isError` are read through.
 */
export function readToolResult(content: unknown, isError = false): { result: unknown; isError: boolean } {
  const text = typeof content === 'string' ? content : Array.isArray(content) ? content.map((part) => String(asObject(part).text ?? '')).join('') : JSON.stringify(content);
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return { result: text, isError };
  }
  const call = asObject(parsed);
  const error = isError || call.isError === true;
  if (call.structuredContent !== undefined) return { result: call.structuredContent, isError: error };
  if (Array.isArray(call.content)) return { result: readToolResult(call.content).result, isError: error };
  return { result: parsed, isError: error };
}
