import { join } from 'node:path';
import { AgentNotFoundError } from '../../errors.js';
import type { AgentFactory, AgentLaunch, BuiltinAdapter, LaunchContext } from '../adapter.js';
import { checkQwen, qwenLoginState } from './check.js';
import { qwenArgs } from './command.js';
import { qwenEventParser } from './events.js';
import { describeQwenExit } from './exit-codes.js';
import { probeQwen, QWEN_PACKAGE } from './probe.js';
import { qwenResumeCommand } from './resume-command.js';
import { qwenDefaultsEnv } from './settings-defaults.js';
import { limitFromEvents } from '../usage-limit.js';

export interface QwenAdapterOptions {
  /** `model.generationConfig.maxRetries` through the system-defaults layer (qwen's own default is 10 for a rate-limited stream). Default 1. */
  maxRetries?: number;
  /** Where the probe cache and the defaults file live (default `$XDG_CACHE_HOME/planwright`). */
  cacheDir?: string;
}

/** One retry rides out a blip; qwen waits a minute before a rate-limit retry, so more make a task hang for minutes. */
export const QWEN_DEFAULT_MAX_RETRIES = 1;

/**
 * Qwen Code (`@qwen-code/qwen-code`) as a code agent: `qwen --output-format stream-json --approval-mode
 * yolo --include-directories <run dir> [--model M] [--resume ID]` in the code dir, the prompt on stdin.
 * It speaks to any OpenAI-compatible endpoint (`OPENAI_BASE_URL`, `OPENAI_API_KEY`) or the providers of
 * its settings; planwright adds only a retry bound, as the lowest settings layer.
 *
 * @example
 * const result = await orchestrate({ planDir: '.plans/pr-42', codeDir: '.' }, qwenAdapter({ maxRetries: 0 }));
 */
export function qwenAdapter(options: QwenAdapterOptions = {}): BuiltinAdapter {
  const start = async (context: LaunchContext, sessionId?: string, interactive = false): Promise<AgentLaunch> => {
    const caps = await probeQwen(context.env, { cacheDir: options.cacheDir });
    if (interactive && !caps.promptInteractive) {
      throw new AgentNotFoundError(`qwen ${caps.version} has no --prompt-interactive`, { hint: 'run without --interactive-code, or upgrade qwen' });
    }
    const env = await qwenDefaultsEnv({
      env: context.env,
      maxRetries: options.maxRetries ?? QWEN_DEFAULT_MAX_RETRIES,
      cacheDir: options.cacheDir && join(options.cacheDir, 'qwen-defaults'),
    });
    const run = { runDir: context.runDir, sandbox: context.sandbox, model: context.model, sessionId };
    return interactive
      ? { bin: caps.bin, args: qwenArgs(caps, { ...run, interactive: { prompt: context.prompt } }), env, parser: qwenEventParser() }
      : { bin: caps.bin, args: qwenArgs(caps, run), stdin: context.prompt, env, parser: qwenEventParser() };
  };
  return {
    name: 'qwen',
    launch: (context) => start(context),
    resume: (context, sessionId) => start(context, sessionId),
    interactive: (context) => start(context, undefined, true),
    describeExit: describeQwenExit,
    usageLimit: limitFromEvents,
    // Its result event counts the whole session's tokens, earlier runs of a resumed one included.
    cumulativeUsage: true,
    events: qwenEventParser,
    resumeCommand: qwenResumeCommand,
    npmPackage: QWEN_PACKAGE,
    check: checkQwen,
    loginState: qwenLoginState,
    maxRetries: true,
  };
}

/** The registry's entry: `max_retries` bounds qwen's request and rate-limit retries. */
export const qwenAgent: AgentFactory = (settings) => qwenAdapter({ maxRetries: settings.maxRetries, cacheDir: settings.cacheDir });
