import type { AgentFactory, AgentLaunch, BuiltinAdapter, LaunchContext } from '../adapter.js';
import { checkClaude, claudeLoginState } from './check.js';
import { claudeArgs } from './command.js';
import { claudeEventParser } from './events.js';
import { describeClaudeExit } from './exit-codes.js';
import { CLAUDE_PACKAGE, probeClaude } from './probe.js';
import { claudeResumeCommand } from './resume-command.js';
import { limitFromEvents } from '../usage-limit.js';

export interface ClaudeAdapterOptions {
  /** CLAUDE_CODE_MAX_RETRIES unless the agent's environment sets it (Claude Code's own default is 10). Default 2. */
  maxRetries?: number;
  /** Where the probe cache lives (default `$XDG_CACHE_HOME/planwright`). */
  cacheDir?: string;
}

/** Claude Code retries every API error, 401 and 429 included, 10 times over minutes unless told otherwise. */
export const CLAUDE_DEFAULT_MAX_RETRIES = 2;

/**
 * Claude Code as a code agent: `claude -p --output-format stream-json --verbose --permission-mode
 * bypassPermissions --add-dir <run dir> [--model M] -- <prompt>` in the code dir, stdin closed. As root it
 * gets IS_SANDBOX=1 (bypassPermissions refuses to start as root without it) unless the user set it, and
 * its API retries are bounded with CLAUDE_CODE_MAX_RETRIES.
 *
 * @example
 * const result = await orchestrate({ planDir: '.plans/pr-42', codeDir: '.' }, claudeAdapter());
 */
export function claudeAdapter(options: ClaudeAdapterOptions = {}): BuiltinAdapter {
  const start = async (context: LaunchContext, sessionId?: string, interactive = false): Promise<AgentLaunch> => {
    const caps = await probeClaude(context.env, { cacheDir: options.cacheDir });
    return {
      bin: caps.bin,
      args: claudeArgs(caps, { prompt: context.prompt, runDir: context.runDir, sandbox: context.sandbox, model: context.model, sessionId, interactive }),
      env: claudeEnv(context.env, options.maxRetries ?? CLAUDE_DEFAULT_MAX_RETRIES),
      parser: claudeEventParser(),
    };
  };
  return {
    name: 'claude',
    launch: (context) => start(context),
    resume: (context, sessionId) => start(context, sessionId),
    interactive: (context) => start(context, undefined, true),
    describeExit: describeClaudeExit,
    // Claude Code retries a 429 itself; the result event it ends with names the limit and its reset.
    usageLimit: limitFromEvents,
    cumulativeUsage: false,
    events: claudeEventParser,
    resumeCommand: claudeResumeCommand,
    npmPackage: CLAUDE_PACKAGE,
    check: checkClaude,
    loginState: claudeLoginState,
    maxRetries: true,
  };
}

/** The registry's entry: `max_retries` becomes CLAUDE_CODE_MAX_RETRIES. */
export const claudeAgent: AgentFactory = (settings) => claudeAdapter({ maxRetries: settings.maxRetries, cacheDir: settings.cacheDir });

/** What the agent's environment lacks: IS_SANDBOX as root, a retry bound. The user's own values win. */
export function claudeEnv(env: NodeJS.ProcessEnv, maxRetries: number, uid = process.getuid?.()): Record<string, string> {
  const added: Record<string, string> = {};
  if (uid === 0 && env.IS_SANDBOX === undefined) added.IS_SANDBOX = '1';
  if (env.CLAUDE_CODE_MAX_RETRIES === undefined) added.CLAUDE_CODE_MAX_RETRIES = String(maxRetries);
  return added;
}
