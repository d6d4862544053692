import { printJson, type CliIo } from '@planwright/cli-kit';
import { displayPath } from '../plan/locate-plan.js';
import { markTaskVerified, masterEntryText } from '../verify/mark-verified.js';
import type { MarkVerifiedArgs } from './args.js';

/** `mark-verified`: one line saying what changed (with `--dry-run`, what would, and the log entry). */
export async function runMarkVerified(args: MarkVerifiedArgs, io: CliIo): Promise<number> {
  const result = await markTaskVerified(args);
  if (args.json) {
    printJson(io, result);
    return 0;
  }
  const log = displayPath(result.master_log, process.cwd());
  const change = `${result.task_id}: ${result.status} (was ${result.previous_status})`;
  if (result.dry_run) {
    io.out(`dry run, nothing written: would set ${change} and append to ${log}:`);
    io.out(masterEntryText(result).trim());
  } else {
    io.out(`${change}, verified ${result.verified_at}; logged in ${log}`);
  }
  return 0;
}
