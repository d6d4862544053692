import { printJson, type CliIo } from '@planwright/cli-kit';
import { listPrRuns } from '../runs/list-runs.js';
import type { RunsArgs } from './options.js';

/** `list`: one line per run, newest first: name, status, last update, tasks. */
export async function runList(args: RunsArgs, io: CliIo): Promise<number> {
  const listing = await listPrRuns(args);
  if (args.json) {
    printJson(io, listing);
    return 0;
  }
  if (listing.runs.length === 0) {
    io.out(`no runs in ${listing.runs_root}`);
    return 0;
  }
  const rows = listing.runs.map((run) => [run.name, run.status, run.updated_at ?? '-', run.tasks.join(',') || '-']);
  const widths = [0, 1, 2].map((column) => Math.max(...rows.map((row) => row[column]!.length)));
  for (const row of rows) io.out(row.map((cell, column) => (column < 3 ? cell.padEnd(widths[column]!) : cell)).join('  '));
  return 0;
}
