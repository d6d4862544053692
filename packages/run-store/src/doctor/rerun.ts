import { basename, dirname, resolve } from 'node:path';
import { handshakeInstructions } from '@planwright/plan-schema';
import { isJsonObject, type JsonObject } from '../files/json-file.js';
import type { DoctorAgents } from './doctor-agents.js';
import { newInvocationRunId } from '../layout/run-id.js';
import type { RunLayout } from '../layout/run-layout.js';
import { shellJoin } from './shell-quote.js';

export interface RerunInput {
  layout: RunLayout;
  taskId: string;
  meta: JsonObject | undefined;
  /** From --repo/--pr, when given: used when meta.json does not record the orchestrator's flags. */
  planDir: string | undefined;
  codeDir: string | undefined;
  runRoot: string | undefined;
  threadId: string | undefined;
  /** The agent that ran the task, as agent_pids.json recorded it. */
  agent: string | null | undefined;
  /** Who knows the agent's resume command (doctor's caller); without it, no resume is offered. */
  agents?: Pick<DoctorAgents, 'resumeCommand'>;
}

export interface RerunCommands {
  /** codex-orchestrate for this one task, with the flags the run was started with. */
  command: string;
  argv: string[];
  /**
   * Resuming the agent's own thread, when its id is known and the agent can resume: `argv` run in `cwd`
   * (when set) with `env` added, `prompt` on stdin when `prompt_on_stdin` (else the prompt is in `argv`).
   */
  resume: { command: string; argv: string[]; cwd?: string; env?: Record<string, string>; prompt_on_stdin: boolean; prompt: string; run_id: string } | null;
}

/** The orchestrator's parsed flags, as it stores them in meta.json `args` (snake_case, like the kit's). */
function flag(args: JsonObject, name: string): unknown {
  const camel = name.replace(/_([a-z])/g, (_, letter: string) => letter.toUpperCase());
  return args[name] ?? args[camel];
}

const str = (value: unknown) => (typeof value === 'string' && value !== '' ? value : undefined);

/**
 * The commands that pick a task up again: the orchestrator for this task alone (from meta.json `args`),
 * and with a thread id, the agent's resume command (from `agents`) and its prompt. Undefined when the
 * plan folder is not known (no args in meta.json, no --pr, and a run folder outside `<plan>/runs`).
 */
export function rerunCommands(input: RerunInput): RerunCommands | undefined {
  const args = isJsonObject(input.meta?.args) ? (input.meta.args as JsonObject) : {};
  const runsRoot = dirname(input.layout.runDir);
  const derivedPlanDir = basename(runsRoot) === 'runs' ? dirname(runsRoot) : undefined;
  const planDir = str(flag(args, 'plan_dir')) ?? input.planDir ?? derivedPlanDir;
  if (!planDir) return undefined;
  const codeDir = str(flag(args, 'code_dir')) ?? input.codeDir ?? dirname(dirname(planDir));
  const runRoot =
    str(flag(args, 'run_root')) ?? input.runRoot ?? (resolve(planDir, 'runs') === runsRoot ? undefined : dirname(runsRoot));
  const compact = flag(args, 'compact_run');
  const timeout = Number(flag(args, 'timeout_minutes'));
  const sandbox = str(flag(args, 'sandbox'));
  const approval = str(flag(args, 'approval'));
  const agent = str(flag(args, 'agent'));
  const planFile = str(flag(args, 'plan_file'));
  const argv = [
    'codex-orchestrate',
    '--plan-dir', planDir,
    '--code-dir', codeDir,
    ...(runRoot ? ['--run-root', runRoot] : []),
    ...(planFile ? ['--plan-file', planFile] : []),
    '--handshake', str(flag(args, 'handshake')) ?? 'results-json',
    compact === false ? '--no-compact-run' : '--compact-run',
    ...(sandbox ? ['--sandbox', sandbox] : []),
    ...(approval ? ['--approval', approval] : []),
    ...(timeout > 0 ? ['--timeout-minutes', String(timeout)] : []),
    ...(agent ? ['--agent', agent] : []),
    '--no-reuse-run', '--max-tasks', '1', '--task-id', input.taskId,
  ];
  return {
    command: shellJoin(argv),
    argv,
    resume: input.threadId ? resumeCommand(input, input.agent ?? agent, { codeDir, threadId: input.threadId, sandbox, approval, model: str(flag(args, 'model')) }) : null,
  };
}

interface ResumeParts {
  codeDir: string;
  threadId: string;
  sandbox?: string;
  approval?: string;
  model?: string;
}

function resumeCommand(input: RerunInput, agent: string | undefined, parts: ResumeParts): RerunCommands['resume'] {
  const { layout, taskId } = input;
  // A fresh run id sorts after the task's last run, so sync-plan applies the results even to a task
  // that was marked blocked meanwhile.
  const runId = newInvocationRunId();
  const prompt = [
    `You stopped before finishing ${taskId}. Your brief is ${layout.briefPath(taskId)}.`,
    'Finish the task and run its verification commands.',
    ...handshakeInstructions({ taskId, runId, resultsPath: layout.resultsPath(taskId) }),
  ].join('\n');
  const { codeDir, threadId, sandbox, approval, model } = parts;
  const built = input.agents?.resumeCommand(agent, { codeDir, runDir: layout.runDir, sessionId: threadId, sandbox, approval, model, prompt });
  if (!built) return null;
  const env = Object.entries(built.env ?? {}).map(([key, value]) => `${key}=${shellJoin([value])} `).join('');
  const line = `${env}${shellJoin(built.argv)}`;
  return {
    command: built.cwd ? `cd ${shellJoin([built.cwd])} && ${line}` : line,
    argv: built.argv,
    ...(built.cwd ? { cwd: built.cwd } : {}),
    ...(built.env ? { env: built.env } : {}),
    prompt_on_stdin: built.promptOnStdin,
    prompt,
    run_id: runId,
  };
}
