import { join } from 'node:path';
import { AgentNotFoundError } from '../../errors.js';
import type { AgentFactory, AgentLaunch, BuiltinAdapter, LaunchContext } from '../adapter.js';
import { checkGemini, geminiLoginState } from './check.js';
import { geminiArgs } from './command.js';
import { geminiEventParser } from './events.js';
import { describeGeminiExit } from './exit-codes.js';
import { GEMINI_PACKAGE, probeGemini } from './probe.js';
import { geminiResumeCommand } from './resume-command.js';
import { prepareGeminiSettingsHome } from './settings-home.js';
import { geminiUsageLimit } from './usage-limit.js';

export interface GeminiAdapterOptions {
  /** Retries of a failed model request (429, 5xx) after the first; gemini's own default is 9. Default 1. */
  maxRetries?: number;
  /** Where the probe cache and the settings homes live (default `$XDG_CACHE_HOME/planwright`). */
  cacheDir?: string;
}

/** gemini waits 5 s, then 10 s, ... between attempts: one retry rides out a blip and still fails fast. */
export const GEMINI_DEFAULT_MAX_RETRIES = 1;

/**
 * The Gemini CLI as a code agent: `gemini --prompt=<prompt> -o stream-json --approval-mode yolo
 * --skip-trust --include-directories <run dir> [-m M]` in the code dir (it has no `-C`), stdin closed,
 * only flags this version has. Retries are bounded through a settings layer (`general.maxAttempts`), never
 * by editing the user's settings; exit codes are explained by `describeExit`.
 *
 * @example
 * const result = await orchestrate({ planDir: '.plans/pr-42', codeDir: '.' }, geminiAdapter({ maxRetries: 0 }));
 */
export function geminiAdapter(options: GeminiAdapterOptions = {}): BuiltinAdapter {
  const maxAttempts = Math.min(10, Math.max(1, (options.maxRetries ?? GEMINI_DEFAULT_MAX_RETRIES) + 1));
  const start = async (context: LaunchContext, sessionId?: string, interactive = false): Promise<AgentLaunch> => {
    const caps = await probeGemini(context.env, { cacheDir: options.cacheDir });
    if (interactive && !caps.promptInteractive) {
      throw new AgentNotFoundError(`gemini ${caps.version} has no --prompt-interactive`, { hint: 'run without --interactive-code, or upgrade gemini' });
    }
    const home = await prepareGeminiSettingsHome({
      env: context.env,
      settings: { general: { maxAttempts } },
      cacheDir: options.cacheDir && join(options.cacheDir, 'gemini-home'),
    });
    return {
      bin: caps.bin,
      args: geminiArgs(caps, { prompt: context.prompt, runDir: context.runDir, sandbox: context.sandbox, model: context.model, sessionId, interactive }),
      env: { GEMINI_CLI_HOME: home.home },
      parser: geminiEventParser(),
    };
  };
  return {
    name: 'gemini',
    launch: (context) => start(context),
    resume: (context, sessionId) => start(context, sessionId),
    interactive: (context) => start(context, undefined, true),
    describeExit: describeGeminiExit,
    usageLimit: geminiUsageLimit,
    cumulativeUsage: false,
    events: geminiEventParser,
    resumeCommand: geminiResumeCommand,
    npmPackage: GEMINI_PACKAGE,
    check: checkGemini,
    loginState: geminiLoginState,
    maxRetries: true,
  };
}

/** The registry's entry: `max_retries` bounds gemini's own retries. */
export const geminiAgent: AgentFactory = (settings) => geminiAdapter({ maxRetries: settings.maxRetries, cacheDir: settings.cacheDir });
