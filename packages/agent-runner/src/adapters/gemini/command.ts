import type { SandboxMode } from '../access.js';
import type { GeminiCapabilities } from './probe.js';

export interface GeminiRunOptions {
  prompt: string;
  /** The run folder: added to the workspace so gemini may write the results file there. */
  runDir: string;
  sandbox: SandboxMode;
  model?: string;
  /** Continue this session (`--resume <id>`). */
  sessionId?: string;
  /** gemini's own UI in this terminal (`--prompt-interactive`), for `--interactive-code`: no events. */
  interactive?: boolean;
}

/**
 * Arguments of a headless gemini run (spawned with cwd = the code dir: gemini has no `-C`). Only flags this
 * version lists in `--help` are passed. The prompt goes last as `--prompt=<text>`: as `-p <text>`, yargs
 * reads a prompt that starts with `-` as flags.
 */
export function geminiArgs(caps: GeminiCapabilities, options: GeminiRunOptions): string[] {
  return [
    ...(options.sessionId ? ['--resume', options.sessionId] : []),
    // An array option: it takes every word up to the next flag, so a flag always follows it.
    ...(caps.includeDirectories ? ['--include-directories', options.runDir] : []),
    ...(options.interactive ? [] : ['--output-format', 'stream-json']),
    ...approvalArgs(caps, options.sandbox),
    ...(caps.skipTrust ? ['--skip-trust'] : []),
    ...(options.model ? ['--model', options.model] : []),
    options.interactive ? `--prompt-interactive=${options.prompt}` : `--prompt=${options.prompt}`,
  ];
}

/** read-only -> plan mode (gemini's read-only mode) where it exists; otherwise every tool call approved. */
function approvalArgs(caps: GeminiCapabilities, sandbox: SandboxMode): string[] {
  if (caps.approvalMode) return ['--approval-mode', sandbox === 'read-only' && caps.planMode ? 'plan' : 'yolo'];
  return caps.yolo ? ['--yolo'] : [];
}
