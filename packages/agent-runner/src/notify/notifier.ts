import { appendFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { NotifyEvent, NotifyMessage } from './notify-event.js';
import { describeTarget, type NotifyTarget } from './notify-target.js';
import { sendCommand } from './send-command.js';
import { sendDesktop } from './send-desktop.js';
import { sendWebhook } from './send-webhook.js';

/** The file of a run folder where every delivery, sent or failed, is logged (one JSON document a line). */
export const NOTIFY_LOG = 'notify.log';

export interface NotifierOptions {
  targets: readonly NotifyTarget[];
  pr: string;
  runDir: string;
  /** Where command targets run. */
  cwd: string;
  env?: NodeJS.ProcessEnv;
  /** Per delivery (default 10 s): a notifier that hangs must not hold the run. */
  timeoutMs?: number;
  /** A delivery failed (it is logged too): for a warning line. */
  onFailure?: (target: string, error: string) => void;
}

/** Sends events to every target of a run. */
export interface Notifier {
  /** Sends the event to every target; never rejects (a failure is logged). */
  notify(event: NotifyEvent): Promise<void>;
  /** Waits for every delivery started so far, so a run ends after its last notification went out. */
  settled(): Promise<void>;
}

/**
 * A run's notifier. A failing target never fails the run: the failure goes to `<run_dir>/notify.log`
 * and `onFailure`, and the other targets are still tried.
 *
 * @example
 * const notifier = createNotifier({ targets: [parseNotifyTarget('ntfy:https://ntfy.sh/runs')], pr: 'pr-42', runDir, cwd: repo });
 * await notifier.notify({ event: 'task_blocked', task_id: 'task_002', reason: 'timeout' });
 */
export function createNotifier(options: NotifierOptions): Notifier {
  const pending = new Set<Promise<void>>();
  const timeoutMs = options.timeoutMs ?? 10_000;
  const deliver = async (target: NotifyTarget, message: NotifyMessage) => {
    let error: string | undefined;
    try {
      if (target.kind === 'command') await sendCommand(target.words, message, { cwd: options.cwd, env: options.env, timeoutMs });
      else if (target.kind === 'webhook') await sendWebhook(target.url, target.body, message, { timeoutMs });
      else await sendDesktop(message, { cwd: options.cwd, env: options.env, timeoutMs });
    } catch (caught) {
      error = (caught as Error).message || String(caught);
    }
    const line = { at: message.at, event: message.event, task_id: message.task_id ?? null, target: describeTarget(target), ok: !error, ...(error ? { error } : {}) };
    // The log is best effort as well: a run folder that cannot take a line still has its run to finish.
    await appendFile(join(options.runDir, NOTIFY_LOG), `${JSON.stringify(line)}\n`).catch(() => undefined);
    if (error) options.onFailure?.(describeTarget(target), error);
  };
  return {
    notify(event) {
      if (options.targets.length === 0) return Promise.resolve();
      const message: NotifyMessage = { ...event, pr: options.pr, run_dir: options.runDir, at: new Date().toISOString() };
      const sent = Promise.all(options.targets.map((target) => deliver(target, message))).then(() => undefined);
      pending.add(sent);
      void sent.finally(() => pending.delete(sent));
      return sent;
    },
    async settled() {
      while (pending.size > 0) await Promise.all(pending);
    },
  };
}
