import { printJson, type CliIo } from '@planwright/cli-kit';
import { displayPath, resolvePlanFile } from '../plan/locate-plan.js';
import { validatePlanFile, type PlanValidationProblem } from '../plan/plan-validation.js';
import { formatCounts } from '../status/summary.js';
import type { PlanArgs, ValidateArgs } from './args.js';

/** `validate <file>`: exit 0 and a one-line summary, or exit 2 and one line per problem. */
export async function runValidate(args: Pick<ValidateArgs, 'file' | 'json'>, io: CliIo): Promise<number> {
  return validateFile(args.file, displayPath(args.file, process.cwd()), args.json, io);
}

/** `validate-plan --pr P | --plan F`. */
export async function runValidatePlan(args: PlanArgs, io: CliIo): Promise<number> {
  const plan = resolvePlanFile(args);
  return validateFile(plan.file, plan.label, args.json, io);
}

async function validateFile(file: string, label: string, json: boolean, io: CliIo): Promise<number> {
  const report = await validatePlanFile(file, label);
  if (json) printJson(io, report);
  else if (report.valid) io.out(`ok: ${label}: ${formatCounts({ total: report.tasks, counts: report.counts })}; ${report.waves} wave${report.waves === 1 ? '' : 's'}`);
  else for (const problem of report.problems) io.err(formatProblem(label, problem));
  return report.valid ? 0 : 2;
}

function formatProblem(label: string, problem: PlanValidationProblem): string {
  const position = problem.line === undefined ? '' : `:${problem.line}:${problem.column}`;
  const path = problem.path ? `${problem.path}: ` : '';
  return `${label}${position}: ${path}${problem.message}${problem.hint ? ` (${problem.hint})` : ''}`;
}
