import { resolve } from 'node:path';
import { printJson, type CliIo } from '@planwright/cli-kit';
import { checkoutBranch, type CheckoutBranchResult } from '../branch.js';
import type { BranchArgs } from './args.js';

/** `branch`: which branch is checked out now, and how it got there. */
export async function runBranch(args: BranchArgs, io: CliIo): Promise<number> {
  const result = await checkoutBranch({ cwd: resolve(args.repo), pr: args.pr, branch: args.branch });
  if (args.json) printJson(io, result);
  else io.out(describe(result));
  return 0;
}

function describe(result: CheckoutBranchResult): string {
  const at = result.sha?.slice(0, 12) ?? 'no commit yet';
  const carried = result.carriedChanges ? '; uncommitted changes came along' : '';
  if (result.action === 'current') return `on ${result.branch} already (${at})${carried}`;
  const how = result.action === 'created' ? `created at ${at}` : `at ${at}`;
  return `switched to ${result.branch} (${how}${result.previous ? `, was on ${result.previous}` : ''})${carried}`;
}
