import type { SandboxMode } from '../access.js';
import type { QwenCapabilities } from './probe.js';

export interface QwenRunOptions {
  /** The run folder: a second workspace folder its tools may write (the results file). */
  runDir: string;
  sandbox: SandboxMode;
  model?: string;
  /** Continue this session (`--resume <id>`). */
  sessionId?: string;
  /** Qwen Code's own UI in this terminal, for `--interactive-code`: the prompt through `-i`, no events. */
  interactive?: { prompt: string };
}

/**
 * Arguments of a Qwen Code run (spawned with cwd = the code dir). Headless, the prompt goes on stdin and
 * nothing positional follows: qwen reads stdin as the prompt, whereas a positional prompt that starts
 * with `-` is taken for a flag and `--` makes it drop the prompt. yolo approval (plan mode when
 * read-only), the run dir as a second workspace folder, the model; only flags this version has.
 */
export function qwenArgs(caps: QwenCapabilities, options: QwenRunOptions): string[] {
  return [
    ...(options.interactive ? [] : ['--output-format', 'stream-json']),
    ...(options.sessionId ? ['--resume', options.sessionId] : []),
    ...(caps.approvalMode ? ['--approval-mode', options.sandbox === 'read-only' ? 'plan' : 'yolo'] : options.sandbox === 'read-only' ? [] : ['--yolo']),
    ...(caps.includeDirectories ? ['--include-directories', options.runDir] : []),
    ...(options.model ? ['--model', options.model] : []),
    ...(options.interactive ? [`--prompt-interactive=${options.interactive.prompt}`] : []),
  ];
}
