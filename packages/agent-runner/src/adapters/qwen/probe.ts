import { AgentNotFoundError } from '../../errors.js';
import { type AgentCliSpec, findAgentCli, helpHasFlag, probeCli } from '../cli-probe.js';

/** The npm package that installs Qwen Code. */
export const QWEN_PACKAGE = '@qwen-code/qwen-code';

export const QWEN_CLI: AgentCliSpec = { name: 'qwen', envVar: 'QWEN_BIN', install: `npm install -g ${QWEN_PACKAGE}` };

/** The flags planwright may pass, and whether this qwen has them (from `qwen --help`). */
export interface QwenCapabilities {
  bin: string;
  version: string;
  /** `--output-format stream-json`: without it there are no events to follow. */
  streamJson: boolean;
  approvalMode: boolean;
  includeDirectories: boolean;
  model: boolean;
  resume: boolean;
  /** `-i/--prompt-interactive`, for `--interactive-code`. */
  promptInteractive: boolean;
}

/** Reads the capabilities from `qwen --help` (pure, for tests). */
export function parseQwenCapabilities(bin: string, version: string, help: string): QwenCapabilities {
  const has = (flag: string) => helpHasFlag(help, flag);
  return {
    bin,
    version,
    streamJson: has('--output-format') && help.includes('stream-json'),
    approvalMode: has('--approval-mode'),
    includeDirectories: has('--include-directories'),
    model: has('--model'),
    resume: has('--resume'),
    promptInteractive: has('--prompt-interactive'),
  };
}

/**
 * The qwen to run (`$QWEN_BIN`, else `qwen` on PATH) and what it accepts, probed once and cached. A
 * version that cannot print stream-json events is refused here.
 */
export async function probeQwen(env: NodeJS.ProcessEnv, options: { cacheDir?: string } = {}): Promise<QwenCapabilities> {
  const bin = findAgentCli(QWEN_CLI, env);
  const probe = await probeCli(QWEN_CLI, bin, { env, cacheDir: options.cacheDir });
  const caps = parseQwenCapabilities(bin, probe.version, probe.help);
  if (!caps.streamJson) {
    throw new AgentNotFoundError(`${bin} (qwen ${caps.version}) has no --output-format stream-json: it cannot run headless with events`, {
      hint: `upgrade it: ${QWEN_CLI.install}`,
    });
  }
  return caps;
}
