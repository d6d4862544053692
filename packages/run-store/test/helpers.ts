import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { writeFiles } from '@planwright/test-utils';
import { execa } from 'execa';
import { onTestFinished } from 'vitest';

/** A pid that was alive a moment ago and is not any more (its process exited and was reaped). */
export async function deadPid(): Promise<number> {
  const child = execa('node', ['-e', '0']);
  await child;
  return child.pid!;
}

/**
 * Starts `sh -c script` detached (its own session and process group, like an agent) and ends that
 * group by its id when the test finishes, whatever happened.
 */
export function spawnGroup(script: string): { pid: number; done: Promise<unknown> } {
  const child = execa('sh', ['-c', script], { detached: true, stdio: 'ignore', reject: false });
  const pid = child.pid!;
  onTestFinished(async () => {
    try {
      process.kill(-pid, 'SIGKILL');
    } catch {
      // Already gone.
    }
    await child;
  });
  return { pid, done: child };
}

/** Every process of a group as /proc lists it, zombies included, with its state letter. */
export function groupProcesses(pgid: number): { pid: number; state: string }[] {
  const out: { pid: number; state: string }[] = [];
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    let stat: string;
    try {
      stat = readFileSync(`/proc/${name}/stat`, 'utf8');
    } catch {
      continue;
    }
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    if (Number(fields[2]) === pgid) out.push({ pid: Number(name), state: fields[0]! });
  }
  return out;
}

/** Waits until `condition` holds; throws after `timeoutMs` (a bound for a hung test, not an assertion). */
export async function waitFor(condition: () => boolean | Promise<boolean>, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error('waitFor: condition not met in time');
    await sleep(20);
  }
}

export interface RunFixture {
  meta?: Record<string, unknown>;
  /** results/<id>.json: an object (written as JSON) or raw text. */
  results?: Record<string, unknown>;
  /** control/agent_pids.json as written. */
  pids?: unknown;
  logs?: Record<string, string>;
  files?: Record<string, string>;
}

/** Writes a run folder `<runsRoot>/<name>` with the given files; returns its path. */
export async function writeRun(runsRoot: string, name: string, fixture: RunFixture = {}): Promise<string> {
  const runDir = join(runsRoot, name);
  const files: Record<string, string> = { ...fixture.files };
  // A real run folder's meta.json names the invocations its results belong to; sync trusts no other.
  const meta = fixture.meta ?? metaForResults(runDir, name, fixture.results ?? {});
  if (meta) files['meta.json'] = `${JSON.stringify(meta, null, 2)}\n`;
  for (const [id, value] of Object.entries(fixture.results ?? {})) {
    files[`results/${id}.json`] = typeof value === 'string' ? value : JSON.stringify(value);
  }
  if (fixture.pids !== undefined) files['control/agent_pids.json'] = JSON.stringify(fixture.pids);
  for (const [id, text] of Object.entries(fixture.logs ?? {})) files[`agent_${id}.log`] = text;
  await writeFiles(runDir, files);
  return runDir;
}

/** A meta.json as the orchestrator writes it. */
export function metaFor(runDir: string, runId: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    run_dir: runDir,
    invocation_run_id: runId,
    created_at: '2026-11-24T10:15:00Z',
    updated_at: '2026-11-24T10:16:00Z',
    status: 'completed',
    ...extra,
  };
}

function metaForResults(runDir: string, name: string, results: Record<string, unknown>): Record<string, unknown> | undefined {
  const ids = Object.values(results).flatMap((value) => {
    const runId = typeof value === 'object' && value !== null ? (value as { run_id?: unknown }).run_id : undefined;
    return typeof runId === 'string' ? [runId] : [];
  });
  if (Object.keys(results).length === 0) return undefined;
  const unique = [...new Set(ids)];
  return { run_dir: runDir, invocation_run_id: unique.at(-1) ?? name, invocations: unique, created_at: '2026-11-24T10:00:00Z', updated_at: '2026-11-24T10:00:00Z', status: 'completed' };
}
