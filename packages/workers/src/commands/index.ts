import { camelCaseFlags, handler, type AnyCommandModule } from '@planwright/cli-kit';
import type { CommandModule } from 'yargs';
import type { WorkerArgs } from './run-worker.js';
import type { WorkersArgs } from './run-workers.js';

// Command modules only: flags and help. The work is imported inside each handler, so `--help` loads none of it.

/** `planwright worker`: take task jobs from the queues until SIGINT/SIGTERM. */
export const workerCommand: CommandModule<object, WorkerArgs> = {
  command: 'worker',
  describe: 'Take task jobs from the Redis queues and run them here (same adapters and supervision as a local run)',
  builder: (yargs) =>
    camelCaseFlags(
      yargs
        .option('queue', { type: 'string', demandOption: true, describe: 'Redis URL: redis://[user][:password@]host[:port][/db], rediss:// for TLS' })
        .option('concurrency', { type: 'number', default: 1, describe: 'Jobs at once on this worker, across its agent queues' })
        .option('cache', { type: 'string', describe: 'Mirrors, task worktrees and run folders (default ~/.cache/planwright/worker)' })
        .option('agents', { type: 'string', default: 'codex', describe: 'Comma-separated agents whose queues this worker takes (planwright-<agent>)' })
        .option('allow-repo', { type: 'string', array: true, default: [] as string[], describe: 'Take jobs only for this remote URL (repeatable; none: any)' })
        .option('name', { type: 'string', describe: 'Worker name shown by status and workers (default <host>-<pid>)' })
        .option('exit-when-idle', { type: 'number', describe: 'Stop (exit 0) after this many seconds with no job running (CI workers)' }),
    )
      .example('$0 worker --queue redis://10.0.0.5:6379 --agents codex,claude --concurrency 2', 'Run two jobs at a time, of either agent')
      .example('$0 worker --queue "$REDIS_URL" --exit-when-idle 300', 'A CI job: end once there has been no work for 5 minutes')
      .example('$0 worker --queue rediss://:$REDIS_PASSWORD@redis.internal:6380 --allow-repo git@github.com:acme/app.git', 'TLS with a password; only jobs of one repository'),
  handler: handler(async (args, io) => (await import('./run-worker.js')).runWorker(args, io)),
};

/** `planwright workers`: the live workers and what each runs. */
export const workersListCommand: CommandModule<object, WorkersArgs> = {
  command: 'workers',
  describe: 'List the live workers on a queue and the tasks each runs',
  builder: (yargs) =>
    camelCaseFlags(
      yargs
        .option('queue', { type: 'string', demandOption: true, describe: 'Redis URL: redis://[user][:password@]host[:port][/db], rediss:// for TLS' })
        .option('json', { type: 'boolean', default: false, describe: 'Print the workers as one JSON document' }),
    ).example('$0 workers --queue redis://10.0.0.5:6379', 'Who is taking jobs, and what each runs now'),
  handler: handler(async (args, io) => (await import('./run-workers.js')).runWorkers(args, io)),
};

/** The `planwright-worker` bin's commands, mounted by the umbrella too. */
export const workersCommands: AnyCommandModule[] = [workerCommand, workersListCommand];

export type { WorkerArgs, WorkersArgs };
