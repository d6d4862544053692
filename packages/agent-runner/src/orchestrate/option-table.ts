import { HANDSHAKE_MODES } from '@planwright/plan-schema';
import { APPROVAL_POLICIES, SANDBOX_MODES } from '../adapters/access.js';

/**
 * One orchestrator option, everything every consumer needs: the yargs option (orchestrate-options.ts),
 * the option object (options.ts, to-options.ts), the check of numbers (check-flags.ts), the
 * orchestrator.toml key (orchestrator-config.ts), the settled value and meta.json's `args` (settle-options.ts).
 */
export interface OptionRow {
  /** The long flag, as the Python kit spelled it. */
  flag: string;
  type: 'string' | 'number' | 'boolean';
  /** A string flag given any number of times (a list in orchestrator.toml). */
  repeatable?: true;
  /** The values a string flag takes. */
  choices?: readonly string[];
  /** The --help line. */
  help: string;
  /** Said after the help as "(default from orchestrator.toml, else <this>)"; for flags with a `toml` key. */
  configDefault?: string;
  /** A yargs default: only for flags no config sets (undefined must mean "not given" for the others). */
  cliDefault?: boolean;
  /** Required by codex-orchestrate (`planwright run` derives it from --pr). */
  required?: true;
  /** Numbers: a whole number, and the least value, checked before anything is written. */
  whole?: boolean;
  min?: number;
  /** The key in OrchestrateOptions: the flag in camelCase unless named here; `false`: the CLI's alone. */
  option?: string | false;
  /** The option is the flag's negation (`--no-wait` is `noWait`). */
  negated?: true;
  /** Its orchestrator.toml key. */
  toml?: string;
  /** The value when neither the flag nor orchestrator.toml gives one. */
  fallback?: string | number | boolean;
  /** Its name in meta.json's `args` (the kit's argparse dest); none: not recorded. */
  kit?: string;
  /** meta.json records the flag as given, not the settled value (as before orchestrator.toml was read for it). */
  kitAsGiven?: true;
  /**
   * A flag added after codex-orchestrate's first flags: a shortened flag that fits exactly one of those keeps
   * meaning it when a flag marked here also fits (`--max` stays `--max-tasks` beside `--max-pause-minutes`).
   */
  planwrightOnly?: true;
}

/**
 * Every option of codex-orchestrate (the Python kit's flags, one for one) and `planwright run`, in
 * --help order. A new option is one row here, plus the code that uses its value.
 */
export const ORCHESTRATOR_OPTIONS = [
  { flag: 'plan-dir', type: 'string', required: true, kit: 'plan_dir', help: 'Folder of the plan and its context (.plans/<PR>); its name is the PR name' },
  { flag: 'code-dir', type: 'string', required: true, kit: 'code_dir', help: 'Folder where the agents change code' },
  { flag: 'plan-file', type: 'string', kit: 'plan_file', help: 'Plan JSON (default <plan-dir>/plan.json)' },
  { flag: 'run-root', type: 'string', toml: 'run_root', kit: 'run_root', help: 'Runs go to <run-root>/<PR>/ (default <plan-dir>/runs)' },
  { flag: 'run-dir', type: 'string', kit: 'run_dir', help: 'Use this run folder' },
  { flag: 'reuse-run', type: 'boolean', toml: 'reuse_run', fallback: false, configDefault: 'off', kit: 'reuse_run', kitAsGiven: true, help: 'Reuse the newest run folder' },
  { flag: 'compact-run', type: 'boolean', toml: 'compact_run', fallback: false, configDefault: 'off', kit: 'compact_run', help: 'Compact run layout, no plan snapshot' },
  { flag: 'handshake', type: 'string', choices: HANDSHAKE_MODES, kit: 'handshake', help: 'How completion is detected (default results-json with --compact-run, else done-file)' },
  // The kit ran at least one task whatever --max-tasks said, so its least value 0 still means 1.
  { flag: 'max-tasks', type: 'number', whole: true, min: 0, kit: 'max_tasks', kitAsGiven: true, help: 'Run at most this many tasks (default 1; no limit with --concurrency above 1 or --auto-verify)' },
  { flag: 'task-id', type: 'string', kit: 'task_id', help: 'Run this task (e.g. task_003)' },
  { flag: 'ensure-git', type: 'boolean', toml: 'ensure_git', fallback: false, configDefault: 'off', kit: 'ensure_git', kitAsGiven: true, help: 'git init code-dir if needed' },
  { flag: 'baseline-commit', type: 'boolean', toml: 'baseline_commit', fallback: false, configDefault: 'off', kit: 'baseline_commit', kitAsGiven: true, help: 'With --ensure-git, commit everything first when the repo has no commit' },
  { flag: 'git-branch', type: 'string', toml: 'git_branch', kit: 'git_branch', kitAsGiven: true, help: 'Check out or create this branch first; <PR_NAME> is the PR name' },
  { flag: 'gitignore-runs', type: 'boolean', toml: 'gitignore_runs', fallback: true, configDefault: 'on', help: 'With --ensure-git, ignore run folders in .gitignore' },
  { flag: 'stream-agent-output', type: 'boolean', toml: 'stream_agent_output', fallback: false, configDefault: 'off', kit: 'stream_agent_output', help: "Show the agent's output here too" },
  { flag: 'interactive-code', type: 'boolean', cliDefault: false, fallback: false, kit: 'interactive_code', help: "Run codex's interactive UI in this terminal" },
  // yargs reads `--no-wait` as `--wait false`, so the kit's flag is declared as its positive form.
  { flag: 'wait', type: 'boolean', cliDefault: true, option: 'noWait', negated: true, fallback: false, kit: 'no_wait', help: 'Wait for the agents; --no-wait starts them and exits (they keep running)' },
  { flag: 'ghostty', type: 'boolean', cliDefault: false, help: 'Open each task in its own new Ghostty window' },
  { flag: 'keep-open', type: 'boolean', cliDefault: false, help: 'Keep the Ghostty window open after the agent exits' },
  { flag: 'timeout-minutes', type: 'number', whole: false, min: 0, toml: 'timeout_minutes', fallback: 0, configDefault: '0', kit: 'timeout_minutes', help: 'End a stuck agent after this long; 0 = never' },
  { flag: 'timeout-grace-seconds', type: 'number', whole: false, min: 0, toml: 'timeout_grace_seconds', fallback: 4, configDefault: '4', kit: 'timeout_grace_seconds', help: 'Between TERM and KILL' },
  { flag: 'heartbeat-interval-seconds', type: 'number', whole: false, min: 0, toml: 'heartbeat_interval_seconds', fallback: 30, configDefault: '30', kit: 'heartbeat_interval_seconds', help: 'Heartbeat while waiting; 0 = none' },
  { flag: 'results-grace-seconds', type: 'number', whole: false, min: 0, toml: 'results_grace_seconds', fallback: 15, configDefault: '15', help: 'How long an agent that wrote its results may take to exit' },
  { flag: 'sandbox', type: 'string', choices: SANDBOX_MODES, toml: 'sandbox', fallback: 'workspace-write', kit: 'sandbox', help: 'Sandbox mode for the agents (default workspace-write)' },
  { flag: 'approval', type: 'string', choices: APPROVAL_POLICIES, toml: 'approval', fallback: 'never', kit: 'approval', help: 'Approval policy for the agents (default never)' },
  { flag: 'model', type: 'string', toml: 'model', kit: 'model', help: 'Model for the agents' },
  { flag: 'agent', type: 'string', toml: 'agent', kit: 'agent', help: "Agent for tasks that name none: codex, gemini, claude or an [agents.<name>] of orchestrator.toml (default codex)" },
  { flag: 'concurrency', planwrightOnly: true, type: 'number', whole: true, min: 1, fallback: 1, kit: 'concurrency', help: 'Tasks at once, never two of one domain (default 1; with more than 1, --max-tasks defaults to no limit)' },
  { flag: 'auto-verify', planwrightOnly: true, type: 'boolean', fallback: false, kit: 'auto_verify', help: "After the agent, run the task's verify commands: all pass -> done, dependents run next" },
  { flag: 'retries', planwrightOnly: true, type: 'number', whole: true, min: 0, fallback: 0, kit: 'retries', help: "With --auto-verify, follow-ups that resume the agent's session while verify fails (default 0)" },
  { flag: 'handshake-reminders', planwrightOnly: true, type: 'number', whole: true, min: 0, toml: 'handshake_reminders', fallback: 1, configDefault: '1', kit: 'handshake_reminders', help: 'Resume an agent that ends its turn without valid results, with a reminder, this many times; 0 = never' },
  { flag: 'verify-timeout-minutes', planwrightOnly: true, type: 'number', whole: false, min: 0, fallback: 10, help: 'Per verify command (default 10)' },
  { flag: 'commit', planwrightOnly: true, type: 'boolean', fallback: false, kit: 'commit', help: 'One commit per verified task: "<task id>: <title>"' },
  { flag: 'worktrees', planwrightOnly: true, type: 'boolean', fallback: false, kit: 'worktrees', help: 'Each task in its own git worktree on pr/<PR>/<task id>, merged back once verified' },
  { flag: 'stall-minutes', planwrightOnly: true, type: 'number', whole: false, min: 0, fallback: 0, kit: 'stall_minutes', help: 'End an agent that emitted no event for this long (reason stalled); 0 = never' },
  { flag: 'max-pause-minutes', planwrightOnly: true, type: 'number', whole: false, min: 0, toml: 'max_pause_minutes', fallback: 300, configDefault: '300', help: "A task whose agent hits a usage or rate limit is paused (no task of that agent starts) and resumes its session after the reset, if that is at most this far off; else blocked. 0 = never pause" },
  { flag: 'budget-tokens', planwrightOnly: true, type: 'number', whole: true, min: 0, toml: 'budget_tokens', fallback: 0, configDefault: '0', help: "Launch no task once the run's tokens plus the estimate (mean of its finished tasks) would pass this; 0 = no limit" },
  { flag: 'budget-usd', planwrightOnly: true, type: 'number', whole: false, min: 0, toml: 'budget_usd', fallback: 0, configDefault: '0', help: 'The same for US dollars: as the agent reports, else from [prices] of orchestrator.toml; 0 = no limit' },
  { flag: 'budget-minutes', planwrightOnly: true, type: 'number', whole: false, min: 0, toml: 'budget_minutes', fallback: 0, configDefault: '0', help: "The same for the run's minutes since it started; 0 = no limit" },
  { flag: 'notify', planwrightOnly: true, type: 'string', repeatable: true, toml: 'notify', configDefault: 'none', help: 'Tell someone when a task is blocked or paused, the budget is at 80% or the run finished; repeatable: command:<program {event} {task_id} {reason} {pr} {run_dir}>, http(s)://<url> (JSON), slack:<url>, ntfy:<url> or desktop' },
  { flag: 'executor', planwrightOnly: true, type: 'string', toml: 'executor', configDefault: 'none: the tasks run here', help: 'Run the tasks on workers (see "planwright worker"): redis://[:password@]host:port[/db] or rediss://..., or local (here, whatever orchestrator.toml says). Each task gets its own worktree and one commit, so --worktrees and --commit are implied; --no-wait is refused (this run integrates what the workers push)' },
  { flag: 'remote', planwrightOnly: true, type: 'string', toml: 'remote', fallback: 'origin', configDefault: 'origin', help: 'With --executor, the git remote the workers fetch from and push to (its URL must hold no password: give the workers a credential helper)' },
  { flag: 'sync-plan', type: 'boolean', cliDefault: true, fallback: true, kit: 'sync_plan', help: "Write each task's outcome into plan.json; --no-sync-plan leaves it for \"planwright sync\"" },
  { flag: 'json', planwrightOnly: true, type: 'boolean', cliDefault: false, option: false, help: 'Print one JSON document at the end instead of progress lines' },
] as const satisfies readonly OptionRow[];

/**
 * The flags a shortened form resolves to first, with the `--no-` form of each boolean: the kit's, and the
 * three codex-orchestrate took before the later ones came (`--results-grace-seconds`, `--model`,
 * `--agent`), so a shortened flag that worked once keeps its meaning (`--re` stays ambiguous as it was).
 */
export const KIT_FLAGS: readonly string[] = (ORCHESTRATOR_OPTIONS as readonly OptionRow[])
  .filter((row) => !row.planwrightOnly)
  .flatMap((row) => (row.type === 'boolean' ? [row.flag, `no-${row.flag}`] : [row.flag]));

/** The rows, typed one by one. */
export type OptionRows = (typeof ORCHESTRATOR_OPTIONS)[number];

/** `timeout-grace-seconds` -> `timeoutGraceSeconds`, as yargs names the parsed flag. */
export function camelCase(flag: string): string {
  return flag.replace(/-([a-z])/g, (_, letter: string) => letter.toUpperCase());
}

/** The OrchestrateOptions key a row sets, or undefined for a flag of the CLI alone. */
export function optionKey(row: OptionRow): string | undefined {
  return row.option === false ? undefined : (row.option ?? camelCase(row.flag));
}
