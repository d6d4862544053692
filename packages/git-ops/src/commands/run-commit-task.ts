import { resolve } from 'node:path';
import { printJson, type CliIo } from '@planwright/cli-kit';
import { commitTask } from '../commit-task.js';
import type { CommitTaskArgs } from './args.js';

/** `commit-task`: the new commit in one line, or that there was nothing to commit (still exit 0). */
export async function runCommitTask(args: CommitTaskArgs, io: CliIo): Promise<number> {
  const result = await commitTask({ cwd: resolve(args.repo), taskId: args.task, title: args.title, paths: args.path });
  if (args.json) printJson(io, result);
  else if (result.committed) {
    const files = result.files?.length ?? 0;
    const count = `${files} file${files === 1 ? '' : 's'}`;
    io.out(`committed ${result.sha.slice(0, 12)} "${result.message}" (${count})`);
  } else io.out(`nothing to commit for ${args.task}${args.path?.length ? ' (no change under the given paths)' : ''}`);
  return 0;
}
