import { UsageError } from '@planwright/cli-kit';
import { NOTIFY_TARGET_FORMS, NotifyTargetError, parseNotifyTarget, type NotifyTarget } from './notify-target.js';

/**
 * Parses every target, or throws a usage error naming the one at fault where it was given (`where`:
 * `--notify <spec>`, or the config file and key), before anything of the run is written.
 */
export function checkNotifyTargets(specs: readonly string[], where: (index: number, spec: string) => string): NotifyTarget[] {
  return specs.map((spec, index) => {
    try {
      return parseNotifyTarget(spec);
    } catch (error) {
      if (!(error instanceof NotifyTargetError)) throw error;
      throw new UsageError(`${where(index, spec)}: ${error.message}`, { hint: `a target is ${NOTIFY_TARGET_FORMS}` });
    }
  });
}
