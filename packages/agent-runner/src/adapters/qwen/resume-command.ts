import type { ResumeCommand, ResumeCommandInput } from '@planwright/run-store';

/**
 * `qwen --output-format stream-json --resume <session> --approval-mode yolo --include-directories <run>`
 * in the code dir (qwen keeps sessions per project folder), the prompt on stdin. Plan mode when read-only.
 */
export function qwenResumeCommand(input: ResumeCommandInput): ResumeCommand {
  const mode = input.sandbox === 'read-only' ? 'plan' : 'yolo';
  return {
    argv: ['qwen', '--output-format', 'stream-json', '--resume', input.sessionId, '--approval-mode', mode, '--include-directories', input.runDir],
    cwd: input.codeDir,
    promptOnStdin: true,
  };
}
