import { setTimeout as sleep } from 'node:timers/promises';
import type { CliIo } from '@planwright/cli-kit';
import type { StatusArgs } from './args.js';
import { ACTIVE_RUN_STATUSES, prStatus, renderPrStatus } from './pr-status.js';

/**
 * `status --watch`: shows the status again every `--interval` seconds while the latest run is active
 * (redrawn in place on a terminal, printed when it changed otherwise), then once more and returns. Ctrl-C
 * ends it at once.
 */
export async function watchStatus(args: StatusArgs, io: CliIo): Promise<number> {
  const stop = new AbortController();
  const onSignal = () => stop.abort();
  process.once('SIGINT', onSignal);
  try {
    let previous = '';
    for (;;) {
      const status = await prStatus(args);
      const text = renderPrStatus(status);
      if (text !== previous) {
        if (io.stdoutIsTTY && io.write) io.write('\x1b[2J\x1b[H');
        else if (previous) io.out('');
        io.out(text);
        previous = text;
      }
      if (!ACTIVE_RUN_STATUSES.has(status.latest_run?.status ?? '') || stop.signal.aborted) return 0;
      await sleep(Math.max(0.2, args.interval) * 1000, undefined, { signal: stop.signal }).catch(() => undefined);
      if (stop.signal.aborted) return 0;
    }
  } finally {
    process.removeListener('SIGINT', onSignal);
  }
}
