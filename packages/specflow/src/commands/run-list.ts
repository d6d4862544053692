import { printJson, type CliIo } from '@planwright/cli-kit';
import { listArchived, listChanges, listSpecs } from '../list.js';
import type { ListArgs } from './args.js';

/** `list`: one line per change (or spec), aligned. */
export async function runList(args: ListArgs, io: CliIo): Promise<number> {
  if (args.specs) {
    const specs = await listSpecs({ repo: args.repo });
    if (args.json) printJson(io, { specs });
    else if (specs.length === 0) io.out('no specs in openspec/specs/');
    else {
      const count = (n: number) => `${n} requirement${n === 1 ? '' : 's'}`;
      io.out(table(specs.map((spec) => [spec.capability, count(spec.requirements), spec.file])));
    }
    return 0;
  }
  if (args.archived) {
    const archived = await listArchived({ repo: args.repo });
    if (args.json) printJson(io, { archived });
    else if (archived.length === 0) io.out('no archived changes');
    else io.out(table(archived.map((change) => [change.name, `${change.tasks.done}/${change.tasks.total} tasks`, change.title ?? ''])));
    return 0;
  }
  const changes = await listChanges({ repo: args.repo });
  if (args.json) printJson(io, { changes });
  else if (changes.length === 0) io.out('no active changes in openspec/changes/');
  else {
    io.out(
      table(
        changes.map((change) => [
          change.name,
          `${change.tasks.done}/${change.tasks.total} tasks`,
          change.capabilities.length > 0 ? `specs: ${change.capabilities.join(', ')}` : 'no spec deltas',
          change.title ?? '',
        ]),
      ),
    );
  }
  return 0;
}

/** Columns padded to their widest cell; trailing spaces dropped. */
export function table(rows: string[][]): string {
  const widths = rows[0]!.map((_cell, column) => Math.max(...rows.map((row) => row[column]!.length)));
  return rows.map((row) => row.map((cell, column) => cell.padEnd(widths[column]!)).join('  ').trimEnd()).join('\n');
}
