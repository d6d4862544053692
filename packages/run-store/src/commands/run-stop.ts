import { printJson, type CliIo } from '@planwright/cli-kit';
import { requestStop } from '../control/stop.js';
import type { StopArgs } from './args.js';

/** `stop`: the path of the stop file. */
export async function runStop(args: StopArgs, io: CliIo): Promise<number> {
  const stopPath = await requestStop({ runDir: args.runDir });
  if (args.json) printJson(io, { stop_path: stopPath });
  else io.out(stopPath);
  return 0;
}
