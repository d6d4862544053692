import type { Argv } from 'yargs';
import { APPROVAL_POLICIES, SANDBOX_MODES } from '../adapters/access.js';

/** The parsed flags of codex-orchestrate (and of `planwright run`). */
export interface OrchestrateArgs {
  planDir?: string;
  codeDir?: string;
  planFile?: string;
  runRoot?: string;
  runDir?: string;
  reuseRun?: boolean;
  compactRun?: boolean;
  handshake?: 'done-file' | 'results-json';
  maxTasks?: number;
  taskId?: string;
  ensureGit?: boolean;
  baselineCommit?: boolean;
  gitBranch?: string;
  gitignoreRuns?: boolean;
  streamAgentOutput?: boolean;
  interactiveCode: boolean;
  wait: boolean;
  ghostty: boolean;
  keepOpen: boolean;
  timeoutMinutes?: number;
  timeoutGraceSeconds?: number;
  heartbeatIntervalSeconds?: number;
  resultsGraceSeconds?: number;
  sandbox?: string;
  approval?: string;
  model?: string;
  agent?: string;
  concurrency?: number;
  autoVerify?: boolean;
  retries?: number;
  handshakeReminders?: number;
  verifyTimeoutMinutes?: number;
  commit?: boolean;
  worktrees?: boolean;
  stallMinutes?: number;
  syncPlan: boolean;
  json: boolean;
  goal?: (string | number)[];
  '--'?: (string | number)[];
}

// Flags whose default may come from orchestrator.toml have no yargs default: undefined means "not given".
const CONFIGURABLE = '(default from orchestrator.toml, else';

/**
 * Every flag of the Python kit's codex-orchestrate, with its defaults, plus planwright's own
 * (`--results-grace-seconds`, `--model`, `--json`).
 */
export function orchestrateOptions<T>(yargs: Argv<T>, { requireDirs }: { requireDirs: boolean }): Argv<T & OrchestrateArgs> {
  return yargs
    .option('plan-dir', { type: 'string', demandOption: requireDirs, describe: 'Folder of the plan and its context (.plans/<PR>); its name is the PR name' })
    .option('code-dir', { type: 'string', demandOption: requireDirs, describe: 'Folder where the agents change code' })
    .option('plan-file', { type: 'string', describe: 'Plan JSON (default <plan-dir>/plan.json)' })
    .option('run-root', { type: 'string', describe: 'Runs go to <run-root>/<PR>/ (default <plan-dir>/runs)' })
    .option('run-dir', { type: 'string', describe: 'Use this run folder' })
    .option('reuse-run', { type: 'boolean', describe: `Reuse the newest run folder ${CONFIGURABLE} off)` })
    .option('compact-run', { type: 'boolean', describe: `Compact run layout, no plan snapshot ${CONFIGURABLE} off)` })
    .option('handshake', { choices: ['done-file', 'results-json'] as const, describe: 'How completion is detected (default results-json with --compact-run, else done-file)' })
    .option('max-tasks', { type: 'number', describe: 'Run at most this many tasks (default 1; no limit with --concurrency above 1 or --auto-verify)' })
    .option('task-id', { type: 'string', describe: 'Run this task (e.g. task_003)' })
    .option('ensure-git', { type: 'boolean', describe: `git init code-dir if needed ${CONFIGURABLE} off)` })
    .option('baseline-commit', { type: 'boolean', describe: `With --ensure-git, commit everything first when the repo has no commit ${CONFIGURABLE} off)` })
    .option('git-branch', { type: 'string', describe: 'Check out or create this branch first; <PR_NAME> is the PR name' })
    .option('gitignore-runs', { type: 'boolean', describe: `With --ensure-git, ignore run folders in .gitignore ${CONFIGURABLE} on)` })
    .option('stream-agent-output', { type: 'boolean', describe: `Show the agent's output here too ${CONFIGURABLE} off)` })
    .option('interactive-code', { type: 'boolean', default: false, describe: "Run codex's interactive UI in this terminal" })
    // yargs reads `--no-wait` as `--wait false`, so the kit's flag is declared as its positive form.
    .option('wait', { type: 'boolean', default: true, describe: 'Wait for the agents; --no-wait starts them and exits (they keep running)' })
    .option('ghostty', { type: 'boolean', default: false, describe: 'Open each task in its own new Ghostty window' })
    .option('keep-open', { type: 'boolean', default: false, describe: 'Keep the Ghostty window open after the agent exits' })
    .option('timeout-minutes', { type: 'number', describe: `End a stuck agent after this long; 0 = never ${CONFIGURABLE} 0)` })
    .option('timeout-grace-seconds', { type: 'number', describe: `Between TERM and KILL ${CONFIGURABLE} 4)` })
    .option('heartbeat-interval-seconds', { type: 'number', describe: `Heartbeat while waiting; 0 = none ${CONFIGURABLE} 30)` })
    .option('results-grace-seconds', { type: 'number', describe: `How long an agent that wrote its results may take to exit ${CONFIGURABLE} 15)` })
    .option('sandbox', { choices: SANDBOX_MODES, describe: 'Sandbox mode for the agents (default workspace-write)' })
    .option('approval', { choices: APPROVAL_POLICIES, describe: 'Approval policy for the agents (default never)' })
    .option('model', { type: 'string', describe: 'Model for the agents' })
    .option('agent', { type: 'string', describe: "Agent for tasks that name none: codex, gemini, claude or an [agents.<name>] of orchestrator.toml (default codex)" })
    .option('concurrency', { type: 'number', describe: 'Tasks at once, never two of one domain (default 1; with more than 1, --max-tasks defaults to no limit)' })
    .option('auto-verify', { type: 'boolean', describe: "After the agent, run the task's verify commands: all pass -> done, dependents run next" })
    .option('retries', { type: 'number', describe: "With --auto-verify, follow-ups that resume the agent's session while verify fails (default 0)" })
    .option('handshake-reminders', { type: 'number', describe: `Resume an agent that ends its turn without valid results, with a reminder, this many times; 0 = never ${CONFIGURABLE} 1)` })
    .option('verify-timeout-minutes', { type: 'number', describe: 'Per verify command (default 10)' })
    .option('commit', { type: 'boolean', describe: 'One commit per verified task: "<task id>: <title>"' })
    .option('worktrees', { type: 'boolean', describe: 'Each task in its own git worktree on pr/<PR>/<task id>, merged back once verified' })
    .option('stall-minutes', { type: 'number', describe: 'End an agent that emitted no event for this long (reason stalled); 0 = never' })
    .option('sync-plan', { type: 'boolean', default: true, describe: "Write each task's outcome into plan.json; --no-sync-plan leaves it for \"planwright sync\"" })
    .option('json', { type: 'boolean', default: false, describe: 'Print one JSON document at the end instead of progress lines' })
    // A flag given twice: the last one wins, as in argparse (yargs would make an array of them).
    .parserConfiguration({ 'populate--': true, 'duplicate-arguments-array': false }) as unknown as Argv<T & OrchestrateArgs>;
}
