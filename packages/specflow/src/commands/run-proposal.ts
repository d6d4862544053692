import { printJson, type CliIo } from '@planwright/cli-kit';
import { createProposal } from '../proposal.js';
import type { ProposalArgs } from './args.js';

/** `proposal <change>`: one line per file, then what to do next. */
export async function runProposal(args: ProposalArgs, io: CliIo): Promise<number> {
  const result = await createProposal({ repo: args.repo, change: args.change, force: args.force });
  if (args.json) {
    printJson(io, result);
    return 0;
  }
  for (const { file, outcome } of result.files) {
    io.out(`${outcome} ${file}${outcome === 'kept' ? ' (exists; --force rewrites it)' : ''}`);
  }
  // The same module serves the specflow bin and `planwright proposal`: name the command, not the bin.
  const then = `then validate it ("validate ${result.change}")`;
  io.out(`next: fill in ${result.dir}/proposal.md and tasks.md, add specs/<capability>/spec.md deltas, ${then}`);
  return 0;
}
