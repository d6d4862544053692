import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AgentNotFoundError } from '../../errors.js';
import { type AgentCliSpec, type CliProbe, findAgentCli, helpHasFlag, probeCli } from '../cli-probe.js';

/** The npm package that installs the Gemini CLI. */
export const GEMINI_PACKAGE = '@google/gemini-cli';

export const GEMINI_CLI: AgentCliSpec = { name: 'gemini', envVar: 'GEMINI_BIN', install: `npm install -g ${GEMINI_PACKAGE}` };

/** The flags planwright may pass, and whether this gemini has them (from `gemini --help`). */
export interface GeminiCapabilities {
  bin: string;
  version: string;
  prompt: boolean;
  promptInteractive: boolean;
  /** `-o stream-json`: without it there are no events to follow. */
  streamJson: boolean;
  approvalMode: boolean;
  /** `--approval-mode plan` (read-only), newer versions. */
  planMode: boolean;
  /** The older `--yolo`, for a version without `--approval-mode`. */
  yolo: boolean;
  skipTrust: boolean;
  includeDirectories: boolean;
  model: boolean;
  resume: boolean;
}

/**
 * `gemini --version` and `gemini --help`, cached. Even these start gemini's project registry in its home
 * and exit mid-write, leaving `projects.json.*.tmp` files: a throwaway home keeps them out of ~/.gemini.
 */
export async function probeGeminiCli(bin: string, env: NodeJS.ProcessEnv, options: { cacheDir?: string } = {}): Promise<CliProbe> {
  const home = await mkdtemp(join(tmpdir(), 'planwright-gemini-probe-'));
  try {
    return await probeCli(GEMINI_CLI, bin, { env: { ...env, GEMINI_CLI_HOME: home }, cacheDir: options.cacheDir });
  } finally {
    await rm(home, { recursive: true, force: true });
  }
}

/** Reads the capabilities from `gemini --help` (pure, for tests). */
export function parseGeminiCapabilities(bin: string, version: string, help: string): GeminiCapabilities {
  const has = (flag: string) => helpHasFlag(help, flag);
  const approvalLine = help.split('\n').find((line) => line.includes('--approval-mode')) ?? '';
  return {
    bin,
    version,
    prompt: has('--prompt'),
    promptInteractive: has('--prompt-interactive'),
    streamJson: has('--output-format') && help.includes('stream-json'),
    approvalMode: has('--approval-mode'),
    planMode: /"plan"/.test(approvalLine),
    yolo: has('--yolo'),
    skipTrust: has('--skip-trust'),
    includeDirectories: has('--include-directories'),
    model: has('--model'),
    resume: has('--resume'),
  };
}

/**
 * The gemini to run (`$GEMINI_BIN`, else `gemini` on PATH) and what it accepts, probed once and cached.
 * A version that cannot run headless with events (no `-p`, no `-o stream-json`) is refused here.
 */
export async function probeGemini(env: NodeJS.ProcessEnv, options: { cacheDir?: string } = {}): Promise<GeminiCapabilities> {
  const bin = findAgentCli(GEMINI_CLI, env);
  const probe = await probeGeminiCli(bin, env, options);
  const caps = parseGeminiCapabilities(bin, probe.version, probe.help);
  if (!caps.prompt || !caps.streamJson) {
    throw new AgentNotFoundError(`${bin} (gemini ${caps.version}) has no ${caps.prompt ? '-o stream-json' : '-p/--prompt'}: it cannot run headless with events`, {
      hint: `upgrade it: ${GEMINI_CLI.install}`,
    });
  }
  return caps;
}
