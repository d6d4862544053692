import { checkPlanData, parseJsonText, PlanError, planWaves, readPlanText, summarizePlan, type PlanProblem } from '@planwright/plan-schema';
import type { PrPaths } from '../server/context.js';

export type PlanValidation =
  | { valid: true; file: string; tasks: number; counts: Record<string, number>; waves: number }
  | { valid: false; file: string; problems: (PlanProblem & { line?: number; column?: number })[] };

/**
 * The document of `planwright validate-plan --json`: a plan that cannot be used is an answer
 * (`valid: false` and every problem), not an error; a file that cannot be read is.
 */
export async function validatePlanFile(paths: Pick<PrPaths, 'file' | 'label'>): Promise<PlanValidation> {
  const text = await readPlanText(paths.file, paths.label);
  try {
    const check = checkPlanData(parseJsonText(text, paths.label));
    if (!check.ok) return { valid: false, file: paths.label, problems: check.problems };
    const summary = summarizePlan(check.plan);
    return { valid: true, file: paths.label, tasks: summary.total, counts: summary.counts, waves: planWaves(check.plan).length };
  } catch (error) {
    if (!(error instanceof PlanError)) throw error;
    return { valid: false, file: paths.label, problems: [{ path: error.path ?? '', message: error.problem, hint: error.hint, line: error.line, column: error.column }] };
  }
}
