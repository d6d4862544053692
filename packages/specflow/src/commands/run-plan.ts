import { printJson, type CliIo } from '@planwright/cli-kit';
import { runnableTasks } from '@planwright/plan-schema';
import { planFromChange } from '../plan/plan-from-change.js';
import type { PlanArgs } from './args.js';

/** `plan <change>`: the files written, the verify still to fill, the task to delegate first. */
export async function runPlan(args: PlanArgs, io: CliIo): Promise<number> {
  const { repo, change, pr, force, verifyOverrides } = args;
  const result = await planFromChange({ repo, change, pr, force, verifyOverrides });
  for (const warning of result.warnings) io.err(`warning: ${warning}`);
  if (args.json) {
    const { plan, ...files } = result;
    printJson(io, { ...files, tasks: plan.tasks.length });
    return 0;
  }
  const domains = [...new Set(result.plan.tasks.flatMap((task) => (task.domain ? [task.domain] : [])))];
  const count = result.plan.tasks.length;
  const inDomains = domains.length > 0 ? `, domains ${domains.join(', ')}` : '';
  io.out(`wrote ${result.planFile}: ${count} task${count === 1 ? '' : 's'}${inDomains}`);
  if (result.context === 'kept') io.out(`kept ${result.contextFile} (exists; --force rewrites it)`);
  else io.out(`wrote ${result.contextFile}`);
  io.out(`logged ${result.masterFile}`);
  if (result.verify.source !== 'placeholder') {
    io.out(`verify: ${result.verify.commands.join(', ')} (from ${result.verify.from}; a task's own Verify: line wins)`);
  }
  if (result.placeholders.length > 0) {
    io.out(`verify to fill: ${result.placeholders.join(', ')} (the placeholder fails until replaced)`);
  }
  const next = runnableTasks(result.plan)[0];
  io.out(next ? `next: delegate ${next.id} and verify` : 'next: every task is done; archive the change');
  return 0;
}
