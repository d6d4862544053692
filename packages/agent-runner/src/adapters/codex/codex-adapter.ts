import type { AgentFactory, BuiltinAdapter, LaunchContext } from '../adapter.js';
import { checkCodex, codexLoginState } from './check.js';
import { codexExecArgs, codexInteractiveArgs, codexResumeArgs, type CodexExecOptions } from './command.js';
import { codexEventParser } from './events.js';
import { findCodex } from './find-codex.js';
import { CODEX_PACKAGE, probeCodex } from './probe.js';
import { codexResumeCommand } from './resume-command.js';
import { limitFromEvents } from '../usage-limit.js';

/**
 * The Codex CLI as a code agent: `codex exec` with the flags this version accepts, the prompt on stdin,
 * JSON events parsed as they arrive.
 *
 * @example
 * const launch = await codexAdapter().launch(context); // { bin, args, stdin, parser }
 */
export function codexAdapter(): BuiltinAdapter {
  const prepare = async (context: LaunchContext) => {
    const bin = findCodex(context.env);
    const caps = await probeCodex(bin, { env: context.env });
    const options: CodexExecOptions = {
      codeDir: context.codeDir,
      runDir: context.runDir,
      sandbox: context.sandbox,
      approval: context.approval,
      lastMessagePath: context.lastMessagePath,
      model: context.model,
    };
    return { bin, caps, options };
  };
  const adapter = {
    name: 'codex',
    // turn.completed reports the whole thread's tokens, so a resumed run's share is a difference.
    cumulativeUsage: true,
    // codex ends a turn refused for a limit with turn.failed: its message names the limit and the reset.
    usageLimit: (exit, state) => limitFromEvents(exit, state),
    async launch(context) {
      const { bin, caps, options } = await prepare(context);
      return { bin, args: codexExecArgs(caps, options), stdin: context.prompt, parser: codexEventParser() };
    },
    async resume(context, threadId) {
      const { bin, caps, options } = await prepare(context);
      return { bin, args: codexResumeArgs(caps, options, threadId), stdin: context.prompt, parser: codexEventParser() };
    },
    async interactive(context) {
      const { bin, options } = await prepare(context);
      return { bin, args: codexInteractiveArgs(options, context.prompt), parser: codexEventParser() };
    },
    events: codexEventParser,
    resumeCommand: codexResumeCommand,
    npmPackage: CODEX_PACKAGE,
    check: checkCodex,
    loginState: codexLoginState,
    // Gone since codex 0.169; the sandbox/approval mapping works without it.
    optionalFlags: ['fullAuto'],
    maxRetries: { hint: 'set codex retries in its own config.toml' },
  } satisfies BuiltinAdapter;
  return adapter;
}

/** The registry's entry: codex takes no settings of its own from its table (model and env apply to all). */
export const codexAgent: AgentFactory = () => codexAdapter();
