import { PlanError } from '../errors.js';
import { stringifyJson } from '../json/parse-json.js';
import { writeFileAtomic } from '../json/write-file-atomic.js';
import { withFileLock, type FileLockOptions } from '../lock/file-lock.js';
import type { Plan } from '../schemas/plan.js';
import { parsePlanText, readPlanText } from './load-plan.js';
import { rememberValidText } from './valid-texts.js';
import { checkPlanData } from './validate-plan.js';

export interface UpdatePlanOptions extends FileLockOptions {
  /** How to name the file in errors (default: the path as given). */
  label?: string;
}

export interface PlanUpdate<R> {
  plan: Plan;
  /** What `change` returned. */
  result: R;
  /** False when the change left the file's text as it was (nothing was written). */
  written: boolean;
}

/**
 * Read-modify-write of a plan.json under the plan's inter-process lock. `change` edits the plan in place
 * (or throws, and nothing is written). The result is validated again and written atomically, in the
 * one stable form: key order and unknown keys kept, 2-space JSON, trailing newline. Several processes
 * updating one plan at once lose no update.
 *
 * @example
 * await updatePlan('.plans/pr-42/plan.json', (plan) => {
 *   plan.tasks.find((task) => task.id === 'task_001')!.status = 'done';
 * });
 */
export async function updatePlan<R>(
  file: string,
  change: (plan: Plan) => R | Promise<R>,
  options: UpdatePlanOptions = {},
): Promise<PlanUpdate<R>> {
  const label = options.label ?? file;
  return withFileLock(
    file,
    async () => {
      const before = await readPlanText(file, label);
      const plan = parsePlanText(before, label);
      const result = await change(plan);
      const check = checkPlanData(plan);
      if (!check.ok) {
        const [first] = check.problems;
        throw new PlanError(label, `the change would make the plan invalid: ${first!.message}`, {
          path: first!.path || undefined,
          hint: 'nothing was written',
        });
      }
      const after = stringifyJson(plan);
      const written = after !== before;
      if (written) await writeFileAtomic(file, after);
      rememberValidText(after);
      return { plan, result, written };
    },
    options,
  );
}
