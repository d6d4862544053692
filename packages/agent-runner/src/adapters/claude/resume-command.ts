import type { ResumeCommand, ResumeCommandInput } from '@planwright/run-store';

/**
 * `claude -p --output-format stream-json --verbose --resume <session> --permission-mode bypassPermissions
 * --add-dir <run> [--model M] -- <prompt>` in the code dir, where claude keeps the session (plan mode when
 * read-only). As root, bypassPermissions refuses to start without IS_SANDBOX=1, so the command sets it.
 */
export function claudeResumeCommand(input: ResumeCommandInput, uid = process.getuid?.()): ResumeCommand {
  const readOnly = input.sandbox === 'read-only';
  return {
    argv: [
      'claude', '-p', '--output-format', 'stream-json', '--verbose', '--resume', input.sessionId,
      '--permission-mode', readOnly ? 'plan' : 'bypassPermissions', '--add-dir', input.runDir,
      ...(input.model ? ['--model', input.model] : []), '--', input.prompt,
    ],
    cwd: input.codeDir,
    ...(uid === 0 && !readOnly ? { env: { IS_SANDBOX: '1' } } : {}),
    promptOnStdin: false,
  };
}
