import { printJson, type CliIo } from '@planwright/cli-kit';
import { findConflicts } from '../conflicts.js';
import type { ConflictsArgs } from './args.js';

/** `conflicts [change]`: one line per shared requirement; exit 1 when there is any. */
export async function runConflicts(args: ConflictsArgs, io: CliIo): Promise<number> {
  const result = await findConflicts({ repo: args.repo, change: args.change });
  if (args.json) printJson(io, result);
  else if (result.conflicts.length === 0) {
    const count = result.changes.length;
    io.out(`no conflicts between the ${count} active change${count === 1 ? '' : 's'}`);
  } else {
    for (const conflict of result.conflicts) {
      const touches = conflict.touches.map(({ change, operation, file, line }) => {
        return `${change} ${operation} (${file}:${line})`;
      });
      io.out(`${conflict.capability} ${JSON.stringify(conflict.requirement)}: ${touches.join(', ')}`);
    }
    const count = result.conflicts.length;
    io.out(`${count} conflict${count === 1 ? '' : 's'}: archive one change, then update the other's deltas`);
  }
  return result.conflicts.length > 0 ? 1 : 0;
}
