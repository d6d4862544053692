import { printJson, type CliIo } from '@planwright/cli-kit';
import { initOpenspec } from '../init.js';
import type { InitArgs } from './args.js';

/** `init`: one line per file: created, overwritten or kept; then the layout when it is OpenSpec 1.x's. */
export async function runInit(args: InitArgs, io: CliIo): Promise<number> {
  const result = await initOpenspec({ repo: args.repo, force: args.force, layout: args.layout });
  if (args.json) printJson(io, result);
  else {
    for (const { file, outcome } of result.files) io.out(`${outcome} ${file}`);
    // The kit's output stays as the kit printed it; the other layout is named.
    if (result.layout === 'openspec-1') io.out('layout: openspec-1 (OpenSpec 1.x: openspec/config.yaml, archives in openspec/changes/archive/)');
  }
  return 0;
}
