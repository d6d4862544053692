import {
  type ClaudeHome,
  type CodexHome,
  type GeminiHome,
  type QwenHome,
  prepareClaudeHome as prepareClaudeHomeIn,
  prepareCodexHome as prepareCodexHomeIn,
  prepareGeminiHome as prepareGeminiHomeIn,
  prepareQwenHome as prepareQwenHomeIn,
  type PrepareClaudeHomeOptions as ClaudeHomeOptionsIn,
  type PrepareCodexHomeOptions as CodexHomeOptionsIn,
  type PrepareGeminiHomeOptions as GeminiHomeOptionsIn,
  type PrepareQwenHomeOptions as QwenHomeOptionsIn,
} from '@planwright/scripted-models';
import { tempDir } from '../temp-dir.js';

// @planwright/scripted-models makes its caller name the folder (a library must not leave temp folders
// behind); in a test the folder is a temp one, removed when the test finishes, unless `dir` is given.
type WithOptionalDir<T extends { dir: string }> = Omit<T, 'dir'> & { dir?: string };

export type PrepareCodexHomeOptions = WithOptionalDir<CodexHomeOptionsIn>;
export type PrepareGeminiHomeOptions = WithOptionalDir<GeminiHomeOptionsIn>;
export type PrepareClaudeHomeOptions = WithOptionalDir<ClaudeHomeOptionsIn>;
export type PrepareQwenHomeOptions = WithOptionalDir<QwenHomeOptionsIn>;

/**
 * A CODEX_HOME whose config.toml points codex at a scripted server (default: a temp folder removed
 * after the test).
 *
 * @example
 * const { env } = await prepareCodexHome({ server });
 */
export async function prepareCodexHome(options: PrepareCodexHomeOptions): Promise<CodexHome> {
  return prepareCodexHomeIn({ ...options, dir: options.dir ?? (await tempDir('planwright-codex-home-')) });
}

/** A GEMINI_CLI_HOME for the real `gemini` against a scripted server (default: a temp folder removed after the test). */
export async function prepareGeminiHome(options: PrepareGeminiHomeOptions): Promise<GeminiHome> {
  return prepareGeminiHomeIn({ ...options, dir: options.dir ?? (await tempDir('planwright-gemini-home-')) });
}

/** A HOME for the real `claude` against a scripted server (default: a temp folder removed after the test). */
export async function prepareClaudeHome(options: PrepareClaudeHomeOptions): Promise<ClaudeHome> {
  return prepareClaudeHomeIn({ ...options, dir: options.dir ?? (await tempDir('planwright-claude-home-')) });
}

/** A HOME for the real `qwen` against a scripted server (default: a temp folder removed after the test). */
export async function prepareQwenHome(options: PrepareQwenHomeOptions): Promise<QwenHome> {
  return prepareQwenHomeIn({ ...options, dir: options.dir ?? (await tempDir('planwright-qwen-home-')) });
}
