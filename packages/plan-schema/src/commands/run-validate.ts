import { printJson, type CliIo } from '@planwright/cli-kit';
import { PlanError } from '../errors.js';
import { planWaves } from '../graph/queries.js';
import { parseJsonText } from '../json/parse-json.js';
import { readPlanText } from '../plan/load-plan.js';
import { displayPath, resolvePlanFile } from '../plan/locate-plan.js';
import type { PlanProblem } from '../plan/problem.js';
import { checkPlanData } from '../plan/validate-plan.js';
import { formatCounts, summarizePlan } from '../status/summary.js';
import type { PlanArgs, ValidateArgs } from './args.js';

interface ProblemReport extends PlanProblem {
  line?: number;
  column?: number;
}

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
  const text = await readPlanText(file, label);
  let problems: ProblemReport[];
  try {
    const check = checkPlanData(parseJsonText(text, label));
    if (check.ok) {
      const summary = summarizePlan(check.plan);
      const waves = planWaves(check.plan).length;
      if (json) printJson(io, { valid: true, file: label, tasks: summary.total, counts: summary.counts, waves });
      else io.out(`ok: ${label}: ${formatCounts(summary)}; ${waves} wave${waves === 1 ? '' : 's'}`);
      return 0;
    }
    problems = check.problems;
  } catch (error) {
    if (!(error instanceof PlanError)) throw error;
    problems = [{ path: error.path ?? '', message: error.problem, hint: error.hint, line: error.line, column: error.column }];
  }
  if (json) printJson(io, { valid: false, file: label, problems });
  else for (const problem of problems) io.err(formatProblem(label, problem));
  return 2;
}

function formatProblem(label: string, problem: ProblemReport): string {
  const position = problem.line === undefined ? '' : `:${problem.line}:${problem.column}`;
  const path = problem.path ? `${problem.path}: ` : '';
  return `${label}${position}: ${path}${problem.message}${problem.hint ? ` (${problem.hint})` : ''}`;
}
