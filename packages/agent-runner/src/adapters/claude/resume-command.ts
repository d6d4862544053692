import type { ResumeCommand, ResumeCommandInput } from '@planwright/run-store';

/**
 * `claude -p --output-format stream-json --verbose --resume <session> --permission-mode bypassPermissions
 * --add-dir <run> -- <prompt>` in the code dir, where claude keeps the session (plan mode when read-only).
 */
export function claudeResumeCommand(input: ResumeCommandInput): ResumeCommand {
  const mode = input.sandbox === 'read-only' ? 'plan' : 'bypassPermissions';
  return {
    argv: ['claude', '-p', '--output-format', 'stream-json', '--verbose', '--resume', input.sessionId, '--permission-mode', mode, '--add-dir', input.runDir, '--', input.prompt],
    cwd: input.codeDir,
    promptOnStdin: false,
  };
}
