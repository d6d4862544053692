import { PlanSchema, type Plan } from '../schemas/plan.js';
import { checkTaskGraph } from './check-graph.js';
import { describeIssue } from './describe-issue.js';
import { normalizePlanData } from './normalize.js';
import type { PlanProblem } from './problem.js';

export type PlanCheck = { ok: true; plan: Plan } | { ok: false; problems: PlanProblem[] };

/**
 * Validates parsed plan JSON: normalizes legacy forms in place, checks types against the schema, then ids,
 * dependencies and cycles. On success the plan is the same object that was passed in (not a copy), so the
 * order of its keys and any unknown keys are kept when it is written back.
 */
export function checkPlanData(data: unknown): PlanCheck {
  const problems = normalizePlanData(data);
  const parsed = PlanSchema.safeParse(data, { reportInput: true });
  if (!parsed.success) problems.push(...parsed.error.issues.map(describeIssue));
  if (problems.length > 0) return { ok: false, problems };
  const plan = data as Plan;
  const graphProblems = checkTaskGraph(plan.tasks);
  return graphProblems.length > 0 ? { ok: false, problems: graphProblems } : { ok: true, plan };
}
