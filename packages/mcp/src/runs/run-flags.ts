import * as z from 'zod';

// The options of `planwright run` that a planner chooses. Where the plan, the code and the runs are is the
// server's business (its repository and --run-root), so those flags are not here.
/** start_run's input, besides `pr`: each one a flag of `planwright run`. */
export const runOptionsShape = {
  max_tasks: z.number().int().positive().describe('--max-tasks: run at most this many tasks (default 1; no limit with concurrency > 1 or auto_verify)').optional(),
  task_id: z.string().describe('--task-id: run this task').optional(),
  concurrency: z.number().int().positive().describe('--concurrency: tasks at once, never two of one domain').optional(),
  auto_verify: z.boolean().describe("--auto-verify: run each task's verify commands after its agent; all pass -> done").optional(),
  retries: z.number().int().nonnegative().describe('--retries: follow-ups while verify fails').optional(),
  agent: z.string().describe('--agent: codex | gemini | claude | a custom agent (default codex)').optional(),
  model: z.string().describe('--model: model for the agents').optional(),
  timeout_minutes: z.number().nonnegative().describe('--timeout-minutes: end a stuck agent after this long').optional(),
  stall_minutes: z.number().nonnegative().describe('--stall-minutes: end an agent silent for this long').optional(),
  handshake_reminders: z.number().int().nonnegative().describe('--handshake-reminders').optional(),
  verify_timeout_minutes: z.number().positive().describe('--verify-timeout-minutes: per verify command').optional(),
  compact_run: z.boolean().describe('--compact-run: compact run layout, no plan snapshot').optional(),
  handshake: z.enum(['done-file', 'results-json']).describe('--handshake').optional(),
  sandbox: z.string().describe('--sandbox: sandbox mode of the agents').optional(),
  commit: z.boolean().describe('--commit: one commit per verified task').optional(),
  worktrees: z.boolean().describe('--worktrees: each task in its own git worktree').optional(),
  executor: z.string().describe('--executor: run the tasks on workers (planwright worker), redis://[:password@]host:port[/db] or rediss:// (default: orchestrator.toml executor)').optional(),
  remote: z.string().describe('--remote: with executor, the git remote the workers fetch from and push to (default origin)').optional(),
};

export type RunOptionsInput = { [K in keyof typeof runOptionsShape]?: z.infer<(typeof runOptionsShape)[K]> };

/** The command line of `planwright run` for these options (each one its flag, booleans as --x / --no-x). */
export function runFlags(options: RunOptionsInput): string[] {
  const flags: string[] = [];
  for (const [key, value] of Object.entries(options)) {
    if (value === undefined) continue;
    const flag = `--${key.replaceAll('_', '-')}`;
    if (typeof value === 'boolean') flags.push(value ? flag : `--no-${flag.slice(2)}`);
    else flags.push(flag, String(value));
  }
  return flags;
}

/** The command line with the password of an `--executor` URL shown as `***`: it is answered to the client. */
export function redactFlags(args: string[]): string[] {
  return args.map((arg, index) => (args[index - 1] === '--executor' ? arg.replace(/^([a-z][a-z0-9+.-]*:\/\/[^/@:]*:)[^/@]*@/i, '$1***@') : arg));
}
