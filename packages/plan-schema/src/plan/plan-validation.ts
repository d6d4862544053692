import { PlanError } from '../errors.js';
import { planWaves } from '../graph/queries.js';
import { parseJsonText } from '../json/parse-json.js';
import { summarizePlan, type PlanSummary } from '../status/summary.js';
import { readPlanText } from './load-plan.js';
import type { PlanProblem } from './problem.js';
import { checkPlanData } from './validate-plan.js';

/** One problem of a plan, with where it is in the file when the JSON itself is wrong. */
export interface PlanValidationProblem extends PlanProblem {
  line?: number;
  column?: number;
}

/** The document of `validate-plan --json` (and of the MCP `validate_plan` tool). */
export type PlanValidation =
  | { valid: true; file: string; tasks: number; counts: PlanSummary['counts']; waves: number }
  | { valid: false; file: string; problems: PlanValidationProblem[] };

/**
 * Checks the plan file: a plan that cannot be used is an answer (`valid: false` and every problem), not
 * an error; a file that cannot be read is (a PlanError).
 *
 * @example
 * const report = await validatePlanFile(located.file, located.label);
 * if (!report.valid) for (const problem of report.problems) console.error(problem.message);
 */
export async function validatePlanFile(file: string, label: string): Promise<PlanValidation> {
  const text = await readPlanText(file, label);
  try {
    const check = checkPlanData(parseJsonText(text, label));
    if (!check.ok) return { valid: false, file: label, problems: check.problems };
    const summary = summarizePlan(check.plan);
    return { valid: true, file: label, tasks: summary.total, counts: summary.counts, waves: planWaves(check.plan).length };
  } catch (error) {
    if (!(error instanceof PlanError)) throw error;
    return { valid: false, file: label, problems: [{ path: error.path ?? '', message: error.problem, hint: error.hint, line: error.line, column: error.column }] };
  }
}
