import { printJson, type CliIo } from '@planwright/cli-kit';
import { verifyTask } from '../verify/verify-task.js';
import type { VerifyArgs } from './args.js';

/** `verify`: one line with the outcome; exit 1 when a command failed. */
export async function runVerifyCli(args: VerifyArgs, io: CliIo): Promise<number> {
  const result = await verifyTask({ repo: args.repo, pr: args.pr, plan: args.plan, task: args.task, timeoutMinutes: args.timeoutMinutes });
  if (args.json) printJson(io, result);
  else if (result.passed) io.out(`${result.task_id}: verify passed (${result.commands} commands) -> done · ${result.log_path}`);
  else io.out(`${result.task_id}: verify failed: ${result.failure!.command} -> blocked · ${result.log_path}`);
  return result.passed ? 0 : 1;
}
