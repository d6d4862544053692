import { validatePlanCommand } from '@planwright/plan-schema/commands';
import type { ValidatePlanArgs } from './args.js';

/**
 * `validate-plan --pr PR`: plan-schema's check and output (exit 0 valid, 2 not). plan-schema reads `--pr`
 * by the one PR-name rule that `plan --pr` writes by, so both name the same folder.
 */
export async function runValidatePlan(args: ValidatePlanArgs): Promise<void> {
  // plan-schema's handler prints through the CLI context that args carry, and sets the exit code there.
  const run = validatePlanCommand.handler as (argv: object) => Promise<void>;
  await run({ ...args, plan: undefined });
}
