import { writeFile } from 'node:fs/promises';
import { isAbsolute, resolve } from 'node:path';
import { UsageError } from '@planwright/cli-kit';
import { readMeta, runLayout } from '@planwright/run-store';
import { AgentNotFoundError, AgentRunnerError } from '../../errors.js';
import type { AgentAdapter, BuiltinAdapter, LaunchContext } from '../adapter.js';
import { AGENTS } from '../agents.js';
import { findOnPath, isExecutable } from '../find-on-path.js';
import { expandTemplate, type Placeholder, placeholderList, unknownPlaceholders, usesPlaceholder } from './template.js';
import { textEventParser } from './text-events.js';

/** `none` (plain text), or the name of a built-in agent whose events the command prints: the registry's names. */
export const CUSTOM_EVENTS = ['none', ...Object.keys(AGENTS)] as [string, ...string[]];
export const CUSTOM_STDIN = ['none', 'prompt'] as const;

/** A custom agent, as an `[agents.<name>]` table of orchestrator.toml describes it. */
export interface CustomAgentSpec {
  /** Program and arguments, with `{prompt_file}`, `{brief}`, `{results}`, `{run_id}`, `{task_id}`, `{code_dir}`, `{run_dir}`. */
  command: string[];
  /** `prompt`: the prompt on stdin, then closed; `none` (default): stdin closed at once. */
  stdin?: (typeof CUSTOM_STDIN)[number];
  /** Read its output as that built-in agent's events (`codex`, `gemini`, `claude`...); `none` (default): plain text. */
  events?: string;
  /** Added to its environment; values may use the placeholders too. */
  env?: Record<string, string>;
}

/**
 * Any command as a code agent: its template expanded per task (an argument array, never a shell string),
 * started in the code dir, its output read as text or as a known CLI's events.
 *
 * @example
 * const aider = customAdapter('aider', { command: ['aider', '--message-file', '{prompt_file}', '--yes'] });
 */
export function customAdapter(name: string, spec: CustomAgentSpec, options: { configFile?: string } = {}): AgentAdapter {
  const where = `${options.configFile ?? 'orchestrator.toml'}: agents.${name}`;
  checkTemplates(spec, where);
  const events = spec.events ?? 'none';
  // Output in a built-in agent's format is read, and its exits explained, by that agent's adapter.
  const like: BuiltinAdapter | undefined = Object.hasOwn(AGENTS, events) ? AGENTS[events as keyof typeof AGENTS]({}) : undefined;
  const parser = like?.events ?? textEventParser;
  return {
    name,
    async launch(context) {
      const values = await placeholderValues(context, spec, where);
      const [program = '', ...args] = spec.command.map((part) => expandTemplate(part, values));
      const env = Object.fromEntries(Object.entries(spec.env ?? {}).map(([key, value]) => [key, expandTemplate(value, values)]));
      return {
        bin: findProgram(program, context, where),
        args,
        stdin: spec.stdin === 'prompt' ? context.prompt : undefined,
        env,
        parser: parser(),
      };
    },
    // A command that prints a built-in agent's events pauses on that agent's limit signals.
    usageLimit(exit, state) {
      return like?.usageLimit?.(exit, state);
    },
    describeExit(exit, state) {
      if (like?.describeExit) return like.describeExit(exit, state);
      if (exit.code === 0 || exit.code === null) return undefined;
      const said = state.failure ?? state.lastError ?? (events === 'none' ? state.lastMessage : undefined);
      return said ? `exit ${exit.code}: ${said}` : undefined;
    },
    cumulativeUsage: like?.cumulativeUsage ?? false,
    // Its output read as that CLI's events also names the session (doctor); it cannot be resumed.
    events: parser,
  };
}

/** Unknown placeholders are refused up front, naming the file, the agent and the placeholder. */
export function checkTemplates(spec: CustomAgentSpec, where: string): void {
  if (spec.command.length === 0) throw new UsageError(`${where}.command: expected at least the program to run`, { hint: 'command = ["aider", "--message-file", "{prompt_file}", "--yes"]' });
  const parts: Array<[string, string]> = [
    ...spec.command.map((part, index): [string, string] => [`command[${index}]`, part]),
    ...Object.entries(spec.env ?? {}).map(([key, value]): [string, string] => [`env.${key}`, value]),
  ];
  for (const [path, template] of parts) {
    const unknown = unknownPlaceholders(template)[0];
    if (unknown) throw new UsageError(`${where}.${path}: unknown placeholder {${unknown}}`, { hint: `placeholders: ${placeholderList()} (write {{ and }} for literal braces)` });
  }
}

async function placeholderValues(context: LaunchContext, spec: CustomAgentSpec, where: string): Promise<Record<Placeholder, string>> {
  const layout = runLayout(context.runDir);
  const promptFile = context.promptPath ?? layout.promptPath(context.taskId);
  // The orchestrator saves the prompt before it launches; a direct caller may not have.
  await writeFile(promptFile, context.prompt, { flag: 'wx' }).catch(() => undefined);
  const templates = [...spec.command, ...Object.values(spec.env ?? {})];
  let runId = context.runId;
  if (!runId && templates.some((template) => usesPlaceholder(template, 'run_id'))) {
    runId = (await readMeta(context.runDir).catch(() => undefined))?.invocation_run_id;
    if (!runId) throw new AgentRunnerError(`${where}: {run_id} is used but the run id of ${context.runDir} is unknown`, { hint: 'launch through orchestrate(), which passes it' });
  }
  return {
    prompt_file: promptFile,
    brief: context.briefPath,
    results: context.resultsPath,
    run_id: runId ?? '',
    task_id: context.taskId,
    code_dir: context.codeDir,
    run_dir: context.runDir,
  };
}

/** A program with a slash is a path (relative to the code dir, where it runs); else it is looked up on PATH. */
export function findProgram(program: string, context: Pick<LaunchContext, 'codeDir' | 'env'>, where: string): string {
  const path = program.includes('/') ? (isAbsolute(program) ? program : resolve(context.codeDir, program)) : findOnPath(program, context.env);
  if (path && isExecutable(path)) return path;
  throw new AgentNotFoundError(`${where}.command: ${program} ${program.includes('/') ? 'is not an executable file' : 'not found on PATH'}`, {
    hint: 'install it, or fix the command in the config file',
  });
}
