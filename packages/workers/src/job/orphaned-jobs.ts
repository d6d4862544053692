import { readdir, readFile, rm, mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { killAgent, readAgentProcesses } from '@planwright/run-store';
import { markOwner, OWNER_MARK, ownerAlive } from './owner-mark.js';

/** In a job folder: the mark of the worker process whose job it is (see OWNER_MARK). */
const OWNER_FILE = 'owner';

/** TERM to an orphaned agent's group, then this long before KILL (the kit's grace). */
const GRACE_MS = 4000;

/** The cache's job folders (`<cache>/runs/<pr>.<task>.<run id>`). */
export function jobsRoot(cacheDir: string): string {
  return join(cacheDir, 'runs');
}

/**
 * Makes `jobDir` this process's: a folder left at that path by an earlier attempt is stale (its results
 * must never be read as this attempt's) and goes, after the agents its dead worker left running are ended.
 */
export async function claimJobDir(jobDir: string, say: (line: string) => void): Promise<void> {
  await endIfOrphaned(jobDir, say);
  await rm(jobDir, { recursive: true, force: true });
  await mkdir(jobDir, { recursive: true });
  await writeFile(join(jobDir, OWNER_FILE), OWNER_MARK);
}

/**
 * At a worker's start: the job folders whose worker died mid-job (kill -9, an out-of-memory kill, a power
 * cut) are found in the cache, the agents still running in them ended (an agent leads its own process
 * group, so it outlives its worker; nobody waits for it any more: the job went to another worker), and the
 * folders removed. A folder of a live worker sharing the cache, or with no owner file, is left alone.
 */
export async function endOrphanedJobs({ cacheDir, say }: { cacheDir: string; say: (line: string) => void }): Promise<void> {
  const names = await readdir(jobsRoot(cacheDir)).catch(() => [] as string[]);
  for (const name of names) {
    const jobDir = join(jobsRoot(cacheDir), name);
    if (await endIfOrphaned(jobDir, say)) await rm(jobDir, { recursive: true, force: true });
  }
}

/** Ends the agents of `jobDir` when its owner is gone; true when it was an orphan. */
async function endIfOrphaned(jobDir: string, say: (line: string) => void): Promise<boolean> {
  const mark = await readFile(join(jobDir, OWNER_FILE), 'utf8').catch(() => undefined);
  if (mark === undefined || ownerAlive(mark)) return false;
  for (const runDir of await runDirs(jobDir)) {
    const agents = await readAgentProcesses(runDir).catch(() => ({}));
    for (const [taskId, agent] of Object.entries(agents)) {
      const report = await killAgent(agent, GRACE_MS);
      if (report.action !== 'none') say(`${taskId}: the agent left running by a dead worker (${markOwner(mark)}): ${report.message}`);
    }
  }
  return true;
}

/** The job's one-task run folders: `<job dir>/runs/<pr>/<run id>` (see runTaskJob's runRoot). */
async function runDirs(jobDir: string): Promise<string[]> {
  const list = (dir: string) => readdir(dir).then((names) => names.map((name) => join(dir, name)), () => [] as string[]);
  return (await Promise.all((await list(join(jobDir, 'runs'))).map(list))).flat();
}
