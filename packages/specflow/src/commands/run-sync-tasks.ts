import { printJson, type CliIo } from '@planwright/cli-kit';
import { syncTasks } from '../sync-tasks.js';
import type { SyncTasksArgs } from './args.js';

/**
 * `sync-tasks <change>`: the boxes it checked, then every drift left, one line each. Exit 1 when plan.json
 * and tasks.md still disagree (with --check: when they disagree at all), 0 when they agree.
 */
export async function runSyncTasks(args: SyncTasksArgs, io: CliIo): Promise<number> {
  const result = await syncTasks({ repo: args.repo, change: args.change, pr: args.pr, check: args.check });
  if (args.json) {
    printJson(io, result);
    return result.inSync ? 0 : 1;
  }
  const left = result.drift.filter((found) => !found.fixed);
  for (const found of left) io.out(`drift: ${found.message}`);
  const from = `(from ${result.planFile})`;
  if (result.checked.length > 0) io.out(`${result.tasksFile}: checked ${result.checked.join(', ')} ${from}`);
  if (left.length === 0) {
    if (result.checked.length === 0) io.out(`${result.tasksFile}: in sync with ${result.planFile}`);
    return 0;
  }
  const count = `${left.length} drift${left.length === 1 ? '' : 's'}`;
  if (args.check) io.out(`${result.tasksFile}: ${count} from ${result.planFile} (--check: nothing written)`);
  else {
    const hint = left.some((found) => found.kind === 'checked-not-done')
      ? ': boxes checked for tasks not done are kept; verify those tasks or uncheck them'
      : '';
    io.out(`${result.tasksFile}: ${count} left ${from}${hint}`);
  }
  return 1;
}
