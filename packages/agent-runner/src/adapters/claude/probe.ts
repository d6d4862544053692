import { AgentNotFoundError } from '../../errors.js';
import { type AgentCliSpec, findAgentCli, helpHasFlag, probeCli } from '../cli-probe.js';

/** The npm package that installs Claude Code. */
export const CLAUDE_PACKAGE = '@anthropic-ai/claude-code';

export const CLAUDE_CLI: AgentCliSpec = { name: 'claude', envVar: 'CLAUDE_BIN', install: `npm install -g ${CLAUDE_PACKAGE}` };

/** The flags planwright may pass, and whether this claude has them (from `claude --help`). */
export interface ClaudeCapabilities {
  bin: string;
  version: string;
  print: boolean;
  /** `--output-format stream-json`: without it there are no events to follow. */
  streamJson: boolean;
  verbose: boolean;
  permissionMode: boolean;
  /** The older spelling of bypassPermissions. */
  skipPermissions: boolean;
  addDir: boolean;
  model: boolean;
  resume: boolean;
}

/** Reads the capabilities from `claude --help` (pure, for tests). */
export function parseClaudeCapabilities(bin: string, version: string, help: string): ClaudeCapabilities {
  const has = (flag: string) => helpHasFlag(help, flag);
  return {
    bin,
    version,
    print: has('--print'),
    streamJson: has('--output-format'),
    verbose: has('--verbose'),
    permissionMode: has('--permission-mode'),
    skipPermissions: has('--dangerously-skip-permissions'),
    addDir: has('--add-dir'),
    model: has('--model'),
    resume: has('--resume'),
  };
}

/**
 * The claude to run (`$CLAUDE_BIN`, else `claude` on PATH) and what it accepts, probed once and cached.
 * A version that cannot print stream-json events is refused here.
 */
export async function probeClaude(env: NodeJS.ProcessEnv, options: { cacheDir?: string } = {}): Promise<ClaudeCapabilities> {
  const bin = findAgentCli(CLAUDE_CLI, env);
  const probe = await probeCli(CLAUDE_CLI, bin, { env, cacheDir: options.cacheDir });
  const caps = parseClaudeCapabilities(bin, probe.version, probe.help);
  if (!caps.print || !caps.streamJson) {
    throw new AgentNotFoundError(`${bin} (claude ${caps.version}) has no ${caps.print ? '--output-format' : '-p/--print'}: it cannot run headless with events`, {
      hint: `upgrade it: ${CLAUDE_CLI.install}`,
    });
  }
  return caps;
}
