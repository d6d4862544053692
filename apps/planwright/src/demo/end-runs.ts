import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { ACTIVE_RUN_STATUSES, listRuns } from '@planwright/run-store';
import type { DemoContext } from './context.js';

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

/**
 * Ends the runs that the planner's `start_run` left going (they are detached, so that they outlive the
 * MCP server, and ending codex's group does not reach them): each active run folder of the demo's PR
 * names its orchestrator's pid, whose group gets SIGTERM (the orchestrator then ends its agents' groups
 * and records `stopped`), then SIGKILL if it is still there after 10 s. Only this demo's own folder is
 * looked at, so nothing else is touched.
 */
export async function endDemoRuns(context: DemoContext): Promise<number[]> {
  const runs = await listRuns({ runsRoot: join(context.repo, '.plans', context.pr, 'runs') }).catch(() => []);
  const pids = runs
    .filter((run) => ACTIVE_RUN_STATUSES.has(run.status))
    .map((run) => Number(/-(\d+)$/.exec(run.name)?.[1]))
    .filter((pid) => Number.isInteger(pid) && pid > 0 && alive(pid));
  for (const pid of pids) signalGroup(pid, 'SIGTERM');
  for (let waited = 0; waited < 10_000 && pids.some(alive); waited += 200) await sleep(200);
  for (const pid of pids.filter(alive)) signalGroup(pid, 'SIGKILL');
  return pids;
}

function signalGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pid, signal);
  } catch {
    // The group has ended in the meantime.
  }
}
