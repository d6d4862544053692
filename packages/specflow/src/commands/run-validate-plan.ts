import { validatePlanCommand } from '@planwright/plan-schema/commands';
import { slugify } from '../layout/slug.js';
import type { ValidatePlanArgs } from './index.js';

/**
 * `validate-plan --pr PR`: plan-schema's check and output (exit 0 valid, 2 not), with the kit's reading of
 * `--pr`: the slug rule applies, as it does for `plan --pr`, so both name the same folder.
 */
export async function runValidatePlan(args: ValidatePlanArgs): Promise<void> {
  // plan-schema's handler prints through the CLI context that args carry, and sets the exit code there.
  const run = validatePlanCommand.handler as (argv: object) => Promise<void>;
  await run({ ...args, pr: slugify(args.pr, '--pr'), plan: undefined });
}
