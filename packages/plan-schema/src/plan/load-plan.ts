import { readFile } from 'node:fs/promises';
import { PlanError } from '../errors.js';
import { parseJsonText } from '../json/parse-json.js';
import type { Plan } from '../schemas/plan.js';
import type { PlanProblem } from './problem.js';
import { isKnownValidText } from './valid-texts.js';
import { checkPlanData } from './validate-plan.js';

export interface LoadPlanOptions {
  /** How to name the file in errors (default: the path as given). */
  label?: string;
}

/**
 * Reads and validates a plan.json. Throws a PlanError naming the file, the JSON path (or line and column)
 * and what is wrong: a missing or unreadable file, invalid JSON, wrong types, an unknown status, a
 * duplicate or unsafe id, a dependency on no task, a dependency cycle.
 *
 * @example
 * const plan = await loadPlan('.plans/pr-42/plan.json');
 * console.log(plan.tasks.map((task) => task.id));
 */
export async function loadPlan(file: string, options: LoadPlanOptions = {}): Promise<Plan> {
  const label = options.label ?? file;
  return parsePlanText(await readPlanText(file, label), label);
}

/** Parses and validates plan text (a text this process wrote after a full check is only parsed); `file` only names it in errors. */
export function parsePlanText(text: string, file: string): Plan {
  if (isKnownValidText(text)) return JSON.parse(text) as Plan;
  const data = parseJsonText(text, file);
  const check = checkPlanData(data);
  if (check.ok) return check.plan;
  throw planErrorFromProblems(file, check.problems);
}

/** A PlanError for the first problem, saying how many more there are. */
export function planErrorFromProblems(file: string, problems: PlanProblem[]): PlanError {
  const [first, ...others] = problems;
  const more = others.length > 0 ? `${others.length} more problem${others.length > 1 ? 's' : ''} after this one` : '';
  const hint = [first!.hint, more].filter(Boolean).join('; ');
  return new PlanError(file, first!.message, { path: first!.path || undefined, hint: hint || undefined });
}

/** Reads a plan file, turning a missing or unreadable file into a PlanError. */
export async function readPlanText(file: string, label = file): Promise<string> {
  try {
    return await readFile(file, 'utf8');
  } catch (cause) {
    const code = (cause as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') {
      throw new PlanError(label, 'no such plan file', {
        hint: 'check --pr/--plan, or create the plan with "specflow plan"',
        cause,
      });
    }
    if (code === 'EISDIR') throw new PlanError(label, 'is a folder, not a plan file', { cause });
    throw new PlanError(label, `cannot be read (${code ?? (cause as Error).message})`, { cause });
  }
}
