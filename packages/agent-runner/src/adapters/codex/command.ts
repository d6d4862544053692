import type { ApprovalPolicy, SandboxMode } from '../access.js';
import type { CodexCapabilities } from './probe.js';

export interface CodexExecOptions {
  codeDir: string;
  runDir: string;
  sandbox: SandboxMode;
  approval: ApprovalPolicy;
  /** Where codex writes its last message (`-o`), when the version supports it. */
  lastMessagePath?: string;
  model?: string;
  /** Extra `-c key=value` overrides, from the config file. */
  config?: string[];
}

/**
 * Arguments of `codex exec` for one task, from what this codex version accepts: the workspace (`-C`), the
 * run folder as a second writable dir, JSON events, the last message file, and the kit's
 * sandbox/approval pair mapped onto exec mode (which always runs with approval `never`):
 * danger-full-access + never -> the bypass flag; workspace-write + on-request -> `--full-auto` where it
 * still exists; otherwise `-s <mode>`. The prompt comes on stdin (`-`).
 */
export function codexExecArgs(caps: CodexCapabilities, options: CodexExecOptions): string[] {
  return ['exec', ...commonArgs(caps, options), ...sandboxArgs(caps, options), ...(caps.json ? ['--json'] : []), ...lastMessageArgs(caps, options), '-'];
}

/**
 * Arguments of a resume: `codex exec <options> resume --json <thread> -` — codex takes `-C`, `-s` and
 * `--add-dir` only before `resume`.
 */
export function codexResumeArgs(caps: CodexCapabilities, options: CodexExecOptions, threadId: string): string[] {
  return ['exec', ...commonArgs(caps, options), ...sandboxArgs(caps, options), ...lastMessageArgs(caps, options), 'resume', ...(caps.json ? ['--json'] : []), threadId, '-'];
}

/** The interactive form (`--interactive-code`): codex's TUI in the user's terminal, prompt as argument. */
export function codexInteractiveArgs(options: CodexExecOptions, prompt: string): string[] {
  return ['-C', options.codeDir, '--sandbox', options.sandbox, '--ask-for-approval', options.approval, '--add-dir', options.runDir, ...modelArgs(options), '--', prompt];
}

function commonArgs(caps: CodexCapabilities, options: CodexExecOptions): string[] {
  return [
    '-C',
    options.codeDir,
    ...(caps.addDir ? ['--add-dir', options.runDir] : []),
    ...(caps.skipGitRepoCheck ? ['--skip-git-repo-check'] : []),
    ...modelArgs(options),
    ...(options.config ?? []).flatMap((entry) => ['-c', entry]),
  ];
}

function sandboxArgs(caps: CodexCapabilities, options: CodexExecOptions): string[] {
  if (options.sandbox === 'danger-full-access' && options.approval === 'never' && caps.bypassSandbox) {
    return ['--dangerously-bypass-approvals-and-sandbox'];
  }
  if (options.sandbox === 'workspace-write' && options.approval === 'on-request' && caps.fullAuto) return ['--full-auto'];
  return ['-s', options.sandbox];
}

function lastMessageArgs(caps: CodexCapabilities, options: CodexExecOptions): string[] {
  return caps.outputLastMessage && options.lastMessagePath ? ['-o', options.lastMessagePath] : [];
}

function modelArgs(options: CodexExecOptions): string[] {
  return options.model ? ['-m', options.model] : [];
}
