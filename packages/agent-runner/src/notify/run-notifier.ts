import type { OrchestrateOptions } from '../orchestrate/options.js';
import { createNotifier, type Notifier } from './notifier.js';
import { parseNotifyTarget } from './notify-target.js';

/**
 * The notifier of one run: the settled targets (--notify, else orchestrator.toml's `notify`; both were
 * checked before the run began), a failed delivery said as a warning line.
 */
export function runNotifier(options: OrchestrateOptions, run: { notify?: readonly string[]; pr: string; runDir: string; codeDir: string }): Notifier {
  return createNotifier({
    targets: (run.notify ?? []).map(parseNotifyTarget),
    pr: run.pr,
    runDir: run.runDir,
    cwd: run.codeDir,
    env: options.env,
    onFailure: (target, error) => options.onEvent?.({ type: 'warning', message: `notification to ${target} failed (logged in notify.log): ${error}` }),
  });
}
