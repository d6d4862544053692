/**
 * The Python kit's sandbox modes and approval policies, as its `--sandbox/--approval` flags take them.
 * Every adapter maps them onto its own CLI (codex `-s`, gemini and claude plan mode), so they belong to
 * no one agent.
 */
export const SANDBOX_MODES = ['read-only', 'workspace-write', 'danger-full-access'] as const;
export const APPROVAL_POLICIES = ['untrusted', 'on-failure', 'on-request', 'never'] as const;
export type SandboxMode = (typeof SANDBOX_MODES)[number];
export type ApprovalPolicy = (typeof APPROVAL_POLICIES)[number];
