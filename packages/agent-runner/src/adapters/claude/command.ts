import type { SandboxMode } from '../access.js';
import type { ClaudeCapabilities } from './probe.js';

export interface ClaudeRunOptions {
  prompt: string;
  /** The run folder: a second folder its tools may write (the results file). */
  runDir: string;
  sandbox: SandboxMode;
  model?: string;
  /** Continue this session (`--resume <id>`). */
  sessionId?: string;
  /** Claude Code's own UI in this terminal, for `--interactive-code`: no `-p`, no events. */
  interactive?: boolean;
}

/**
 * Arguments of a headless Claude Code run (spawned with cwd = the code dir): `-p --output-format
 * stream-json --verbose` (stream-json needs --verbose), bypassPermissions (plan mode when read-only), the
 * run dir, the model, and the prompt last after `--` — `--add-dir` takes every word up to the next flag,
 * and a prompt that starts with `-` must not be read as one.
 */
export function claudeArgs(caps: ClaudeCapabilities, options: ClaudeRunOptions): string[] {
  return [
    ...(options.interactive ? [] : ['-p', '--output-format', 'stream-json', ...(caps.verbose ? ['--verbose'] : [])]),
    ...(options.sessionId ? ['--resume', options.sessionId] : []),
    ...permissionArgs(caps, options.sandbox),
    ...(caps.addDir ? ['--add-dir', options.runDir] : []),
    ...(options.model ? ['--model', options.model] : []),
    '--',
    options.prompt,
  ];
}

function permissionArgs(caps: ClaudeCapabilities, sandbox: SandboxMode): string[] {
  if (caps.permissionMode) return ['--permission-mode', sandbox === 'read-only' ? 'plan' : 'bypassPermissions'];
  return sandbox === 'read-only' || !caps.skipPermissions ? [] : ['--dangerously-skip-permissions'];
}
