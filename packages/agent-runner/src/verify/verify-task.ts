import { mkdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { UsageError } from '@planwright/cli-kit';
import { appendMasterLog, loadPlan, markBlocked, markVerified, resolvePlanFile, updatePlan, type PlanLocation } from '@planwright/plan-schema';
import { plural } from '../orchestrate/record-outcome.js';
import { runVerify, type VerifyFailure } from './run-verify.js';

export interface VerifyTaskOptions extends PlanLocation {
  task: string;
  /** Per command; default 10. */
  timeoutMinutes?: number;
  env?: NodeJS.ProcessEnv;
  signal?: AbortSignal;
}

export interface VerifyTaskResult {
  task_id: string;
  passed: boolean;
  status: 'done' | 'blocked';
  commands: number;
  failure?: VerifyFailure;
  log_path: string;
  duration_ms: number;
}

/**
 * `planwright verify`: runs one task's verify commands in the repository by hand, as --auto-verify would
 * after its agent, and records the outcome: all pass -> `done` (verified_by `auto`), a failure ->
 * `blocked` (`verify_failed: <command>`). Either way a MASTER.md entry says what ran and where the log is.
 *
 * @example
 * const { passed } = await verifyTask({ repo: '.', pr: 'pr-42', task: 'task_003' });
 */
export async function verifyTask(options: VerifyTaskOptions): Promise<VerifyTaskResult> {
  const cwd = options.cwd ?? process.cwd();
  const minutes = options.timeoutMinutes;
  if (minutes !== undefined && !(Number.isFinite(minutes) && minutes >= 0)) {
    throw new UsageError(`--timeout-minutes ${Number.isNaN(minutes) ? '(not a number)' : String(minutes)}: expected a number of 0 or more`, { hint: 'pass --timeout-minutes 10' });
  }
  const located = resolvePlanFile({ ...options, cwd });
  const plan = await loadPlan(located.file, { label: located.label });
  const task = plan.tasks.find((candidate) => candidate.id === options.task);
  if (!task) throw new UsageError(`${located.label}: --task ${JSON.stringify(options.task)}: no such task`, { hint: `tasks: ${plan.tasks.slice(0, 8).map((t) => t.id).join(', ')}` });
  if (!task.verify?.length) throw new UsageError(`${located.label}: ${task.id} has no verify commands`, { hint: 'add them to the task\'s "verify" list first' });
  const logDir = join(located.planDir, 'runs');
  await mkdir(logDir, { recursive: true });
  const logPath = join(logDir, `verify_${task.id}.log`);
  const outcome = await runVerify({ commands: task.verify, cwd: resolve(cwd, options.repo ?? '.'), logPath, timeoutMs: (options.timeoutMinutes ?? 10) * 60_000, env: options.env, signal: options.signal });
  await updatePlan(
    located.file,
    async (current) => {
      const entry = current.tasks.find((candidate) => candidate.id === task.id)!;
      if (outcome.passed) {
        markVerified(entry, { by: 'auto', note: `planwright verify: ${plural(outcome.ran, 'command')} passed` });
        delete entry.verify_failed_command;
      } else {
        markBlocked(entry, `verify_failed: ${outcome.failure!.command}`);
        entry.verify_failed_command = outcome.failure!.command;
      }
      const lines = outcome.passed
        ? [`passed: ${plural(outcome.ran, 'command')}`, `status: done`, `log: ${logPath}`]
        : [`failed: \`${outcome.failure!.command}\` (${outcome.failure!.timedOut ? 'timed out' : `exit ${outcome.failure!.exitCode}`})`, 'status: blocked', `log: ${logPath}`];
      await appendMasterLog(located.planDir, located.pr, { title: `verify ${task.id}`, lines });
    },
    { label: located.label },
  );
  return {
    task_id: task.id,
    passed: outcome.passed,
    status: outcome.passed ? 'done' : 'blocked',
    commands: outcome.ran,
    failure: outcome.failure,
    log_path: logPath,
    duration_ms: outcome.durationMs,
  };
}
