import { UsageError } from '@planwright/cli-kit';
import { markTaskVerified } from '@planwright/plan-schema';
import { listRuns, requestStop } from '@planwright/run-store';
import type { BoardPaths } from '../state/locate.js';

/** The buttons of `--allow-control`. */
export const CONTROL_ACTIONS = ['stop', 'verify', 'mark-verified', 'run-next'] as const;
export type ControlAction = (typeof CONTROL_ACTIONS)[number];

export interface ControlOptions {
  paths: BoardPaths;
  action: string;
  /** The task of verify and mark-verified. */
  task?: string;
  note?: string;
  env?: NodeJS.ProcessEnv;
  /** Runs that `run-next` started and that are still going: the board waits for them when it closes. */
  background: Set<Promise<unknown>>;
}

/**
 * One button press, as a call into the same library function as the CLI command: `stop` is
 * `run-store stop` on the newest run, `verify` is `planwright verify`, `mark-verified` is
 * `planwright mark-verified` (both under the plan lock), `run-next` is `planwright run --max-tasks 1`,
 * started and left running (its progress shows on the board through the files).
 */
export async function runControl(options: ControlOptions): Promise<unknown> {
  const { paths } = options;
  const location = { repo: paths.repo, pr: paths.pr, plan: paths.planFile };
  switch (options.action) {
    case 'stop': {
      const [newest] = await listRuns({ runsRoot: paths.runsRoot });
      if (!newest) throw new UsageError(`${paths.runsRoot}: no run to stop`, { hint: 'start one with run-next or planwright run' });
      return { stop_file: await requestStop({ runDir: newest.run_dir }) };
    }
    case 'verify': {
      const { verifyTask } = await import('@planwright/agent-runner');
      return verifyTask({ ...location, task: needTask(options), env: options.env });
    }
    case 'mark-verified':
      return markTaskVerified({ ...location, task: needTask(options), note: options.note ?? 'marked verified on the board' });
    case 'run-next': {
      const { orchestrate } = await import('@planwright/agent-runner');
      const run = orchestrate({ planDir: paths.planDir, codeDir: paths.repo, planFile: paths.planFile, runRoot: paths.runRoot, maxTasks: 1, env: options.env });
      const settled = run.catch(() => undefined).finally(() => options.background.delete(settled));
      options.background.add(settled);
      return { started: true };
    }
    default:
      throw new UsageError(`control action ${JSON.stringify(options.action)}: unknown`, { hint: `one of ${CONTROL_ACTIONS.join(', ')}` });
  }
}

function needTask(options: ControlOptions): string {
  if (!options.task) throw new UsageError(`${options.action}: no task given`, { hint: 'send {"task": "<id>"}' });
  return options.task;
}
