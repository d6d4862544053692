import { existsSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, rmSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Plan, Task } from '@planwright/plan-schema';
import { runDirNames } from '@planwright/run-store';
import { execa, execaSync, type ResultPromise } from 'execa';
import { codexOrchestrateBin, survivors, type Fixture } from '../../test/fixture.js';

// Shared by the reliability suite (*.reliability.test.ts): the built orchestrator as a process, a seeded
// random source, and the checks every scenario ends with (no orphan, nothing lost).

/** mulberry32: a tiny seeded generator, so a failing random schedule can be replayed from its seed. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function assertBuilt(): void {
  if (!existsSync(codexOrchestrateBin)) throw new Error(`${codexOrchestrateBin} is missing: run "pnpm turbo run build --filter @planwright/agent-runner" first`);
}

/** The built codex-orchestrate as its own process (so it can be killed), on `planDir` (default the fixture's). */
export function startOrchestrator(fixture: Fixture, extra: string[] = [], planDir = fixture.planDir): ResultPromise<{ reject: false; env: NodeJS.ProcessEnv }> {
  return execa('node', [codexOrchestrateBin, '--plan-dir', planDir, '--code-dir', fixture.repo, '--compact-run', '--heartbeat-interval-seconds', '0', '--timeout-grace-seconds', '1', '--results-grace-seconds', '2', ...extra], {
    env: fixture.env,
    reject: false,
  });
}

/** The run folders of a PR (oldest first). */
export async function runDirsOf(planDir: string, runsRoot = join(planDir, 'runs')): Promise<string[]> {
  return (await runDirNames(runsRoot)).map((name) => join(runsRoot, name));
}

/** Every live process of every agent group recorded in the control/agent_pids.json of these runs. */
export async function liveRecordedAgents(runDirs: string[]): Promise<number[]> {
  return [...new Set((await Promise.all(runDirs.filter(existsSync).map((runDir) => survivors(runDir)))).flat())];
}

/** Processes (other than this one) whose working folder or command line points into `root`. */
export function processesInside(root: string): { pid: number; cwd: string; cmdline: string }[] {
  const found: { pid: number; cwd: string; cmdline: string }[] = [];
  const inside = (path: string) => path === root || path.startsWith(`${root}/`);
  for (const name of readdirSync('/proc')) {
    const pid = Number(name);
    if (!Number.isInteger(pid) || pid === process.pid) continue;
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      if (stat.slice(stat.lastIndexOf(')') + 2).startsWith('Z')) continue; // exited, only waiting to be reaped
      const cwd = (() => {
        try {
          return readlinkSync(`/proc/${pid}/cwd`);
        } catch {
          return '';
        }
      })();
      const argv = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').filter(Boolean);
      if (inside(cwd) || argv.some((arg) => arg.includes(`${root}/`) || arg === root)) found.push({ pid, cwd, cmdline: argv.join(' ') });
    } catch {
      // Gone while we looked.
    }
  }
  return found;
}

/**
 * Waits (bounded) until nothing runs in `root` and no recorded agent group has a member, then returns
 * what is left: agents of a killed orchestrator may still be finishing their work on their own.
 */
export async function orphansAfter(root: string, runDirs: string[], waitMs = 8_000): Promise<{ recorded: number[]; inside: string[] }> {
  const deadline = Date.now() + waitMs;
  for (;;) {
    const recorded = await liveRecordedAgents(runDirs);
    const inside = processesInside(root).map((p) => `${p.pid} (cwd ${p.cwd}): ${p.cmdline}`);
    if ((recorded.length === 0 && inside.length === 0) || Date.now() >= deadline) return { recorded, inside };
    await sleep(100);
  }
}

/** How many times the fake codex ran for each task (fresh runs and resumes), from FAKE_CODEX_LOG. */
export async function agentRunsByTask(codexLog: string): Promise<Map<string, number>> {
  const text = await readFile(codexLog, 'utf8').catch(() => '');
  const runs = new Map<string, number>();
  for (const line of text.split('\n').filter(Boolean)) {
    const { argv } = JSON.parse(line) as { argv: string[] };
    // `-o <run>/last_message_<id>.txt` names the task of every run, resumes included.
    const out = argv[argv.indexOf('-o') + 1];
    const id = out ? /^last_message_(.+)\.txt$/.exec(basename(out))?.[1] : undefined;
    if (id) runs.set(id, (runs.get(id) ?? 0) + 1);
  }
  return runs;
}

/** What the orchestrator may change in a task: its status and the bookkeeping that goes with it. */
const STATUS_FIELDS = new Set([
  'status', 'delegated_at', 'run_dir', 'last_run_id', 'agent_done_at', 'blocked_reason', 'blocked_at', 'verified_at', 'verified_by',
  'verified_note', 'verify_failed_command', 'thread_id', 'usage', 'attempts', 'duration_ms', 'head_before', 'head_after', 'worktree', 'last_agent', 'host', 'worker', 'attempt',
]);

/** A plan without the tasks' status fields and the orchestrator's sync stamp: what must never be lost. */
export function planContent(plan: Plan | Record<string, unknown>): unknown {
  const { orchestrator: _sync, tasks, ...top } = plan as { orchestrator?: unknown; tasks: Task[] };
  return { ...top, tasks: tasks.map((task) => Object.fromEntries(Object.entries(task).filter(([key]) => !STATUS_FIELDS.has(key)))) };
}

/** Runs `work` over `items`, at most `limit` at a time. */
export async function inPool<T>(items: T[], limit: number, work: (item: T) => Promise<void>): Promise<void> {
  const queue = [...items];
  await Promise.all(Array.from({ length: Math.min(limit, queue.length) }, async () => {
    for (let item = queue.shift(); item !== undefined; item = queue.shift()) await work(item);
  }));
}

/** Whether this process may mount (root with CAP_SYS_ADMIN, as in the CI sandbox): tried once, for real. */
export const canMount: boolean = (() => {
  if (process.getuid?.() !== 0) return false;
  const probe = mkdtempSync(join(tmpdir(), 'planwright-mount-probe-'));
  try {
    execaSync('mount', ['-t', 'tmpfs', '-o', 'size=4k', 'tmpfs', probe]);
    execaSync('umount', [probe]);
    return true;
  } catch {
    return false;
  } finally {
    rmSync(probe, { recursive: true, force: true });
  }
})();

/**
 * A tmpfs mounted on a fresh folder for the length of `work` (`ro`, `size=64k`...), unmounted by path
 * afterwards, whatever happens: retried while the processes of the test let go of their files.
 */
export async function withTmpfs<T>(options: string, work: (mountPoint: string) => Promise<T>): Promise<T> {
  const mountPoint = mkdtempSync(join(tmpdir(), 'planwright-tmpfs-'));
  execaSync('mount', ['-t', 'tmpfs', '-o', options, 'tmpfs', mountPoint]);
  try {
    return await work(mountPoint);
  } finally {
    await unmount(mountPoint);
    rmSync(mountPoint, { recursive: true, force: true });
  }
}

async function unmount(mountPoint: string): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    try {
      execaSync('umount', [mountPoint]);
      return;
    } catch (error) {
      if (attempt >= 50) {
        // Still busy after 5 s: detach it (by path) so the machine is not left with a mount, and say so.
        execaSync('umount', ['-l', mountPoint]);
        throw new Error(`${mountPoint} was still busy after the test: ${(error as Error).message}`);
      }
      await sleep(100);
    }
  }
}
