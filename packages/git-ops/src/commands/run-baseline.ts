import { resolve } from 'node:path';
import { printJson, type CliIo } from '@planwright/cli-kit';
import { baselineCommit } from '../baseline.js';
import type { BaselineArgs } from './args.js';

/** `baseline`: the new commit, or why none was needed. */
export async function runBaseline(args: BaselineArgs, io: CliIo): Promise<number> {
  const result = await baselineCommit({ cwd: resolve(args.repo), message: args.message, allowEmpty: args.allowEmpty });
  if (args.json) printJson(io, result);
  else if (result.committed) io.out(`baseline commit ${short(result.sha)} (${result.files} file${result.files === 1 ? '' : 's'})`);
  else io.out(`no baseline needed: the repository has commits (HEAD ${short(result.sha)})`);
  return 0;
}

function short(sha: string): string {
  return sha.slice(0, 12);
}
