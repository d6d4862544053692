/** What `check` says about one agent CLI. */
export interface AgentCheck {
  agent: string;
  installed: boolean;
  bin?: string;
  version?: string;
  /** Flags planwright relies on, and whether this version has them. */
  flags: Record<string, boolean>;
  problem?: string;
}

/** Whether an agent CLI can reach its model: `yes` (and how), `no` (and the fix), or `unknown`. */
export interface LoginState {
  state: 'yes' | 'no' | 'unknown';
  detail: string;
}
