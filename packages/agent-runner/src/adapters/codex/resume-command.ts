import type { ResumeCommand, ResumeCommandInput } from '@planwright/run-store';

/**
 * `codex exec -C <code> --add-dir <run> --skip-git-repo-check [-m M] <access> resume --json <thread> -`, the
 * prompt on stdin. Without a sandbox flag codex exec runs read-only, and the agent could not write its
 * results.
 */
export function codexResumeCommand(input: ResumeCommandInput): ResumeCommand {
  const access =
    input.sandbox === 'danger-full-access' && input.approval === 'never' ? ['--dangerously-bypass-approvals-and-sandbox'] : ['-s', input.sandbox ?? 'workspace-write'];
  return {
    argv: ['codex', 'exec', '-C', input.codeDir, '--add-dir', input.runDir, '--skip-git-repo-check', ...(input.model ? ['-m', input.model] : []), ...access, 'resume', '--json', input.sessionId, '-'],
    promptOnStdin: true,
  };
}
