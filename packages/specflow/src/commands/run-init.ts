import { printJson, type CliIo } from '@planwright/cli-kit';
import { initOpenspec } from '../init.js';
import type { InitArgs } from './index.js';

/** `init`: one line per file: created, overwritten or kept. */
export async function runInit(args: InitArgs, io: CliIo): Promise<number> {
  const result = await initOpenspec({ repo: args.repo, force: args.force });
  if (args.json) printJson(io, result);
  else for (const { file, outcome } of result.files) io.out(`${outcome} ${file}`);
  return 0;
}
