import { PlanwrightError, printJson, type CliIo } from '@planwright/cli-kit';
import { parseQueueUrl } from '../queue/connection.js';
import { listWorkers } from '../worker/registry.js';

export interface WorkersArgs {
  queue: string;
  json: boolean;
}

/** `planwright workers`: one line per live worker and one per task it runs (or `--json`). */
export async function runWorkers(args: WorkersArgs, io: CliIo): Promise<number> {
  const { display } = parseQueueUrl(args.queue, { flag: '--queue' });
  const workers = await listWorkers({ queue: args.queue }).catch((error: NodeJS.ErrnoException) => {
    throw new PlanwrightError(`${display} unreachable (${error.code ?? error.message})`, { hint: 'is redis-server running there, and the URL right?' });
  });
  if (args.json) {
    printJson(io, { queue: display, workers });
    return 0;
  }
  if (workers.length === 0) io.out(`no live worker on ${display}`);
  for (const worker of workers) {
    io.out(`${worker.name}  ${worker.host} pid ${worker.pid}  ${worker.agents.join(',')}  ${worker.running.length}/${worker.concurrency} running`);
    for (const job of worker.running) io.out(`  ${job.pr}/${job.task}  attempt ${job.attempt}  since ${job.since}`);
  }
  return 0;
}
