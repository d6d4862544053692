// Test helpers for the fake Codex CLI's own tests (not exported).
import { readdirSync, readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { renderHandshakeBlock } from '@planwright/handshake/handshake-block';
import { execa, type ResultPromise } from 'execa';
import { onTestFinished } from 'vitest';
import { fakeCodexPath } from './fake-codex.js';
import { tempDir, writeFiles } from './temp-dir.js';
import { tempGitRepo } from './git-repo.js';

export interface FakeTask {
  repo: string;
  runDir: string;
  id: string;
  runId: string;
  briefPath: string;
  resultsPath: string;
  /** Done-file mode only: the marker the brief names. */
  donePath?: string;
  /** The orchestrator-style prompt that names the brief, the results path and the run id. */
  prompt: string;
  /** CODEX_HOME (thread state) and FAKE_CODEX_LOG for this task. */
  env: Record<string, string>;
  logFile: string;
  readResults(): Promise<any>;
  readLog(): Promise<any[]>;
}

/**
 * A git repo, a run dir with `tasks/<id>.md` holding `brief` and the handshake section the orchestrator
 * ends a brief with (a done marker with `doneFile`), and the prompt an orchestrator would send.
 */
export async function fakeTask(brief = '', id = 'task_001', options: { doneFile?: boolean } = {}): Promise<FakeTask> {
  const repo = await tempGitRepo();
  const runDir = await tempDir('planwright-run-');
  const codexHome = await tempDir('planwright-codex-home-');
  const runId = '20261124-170000-4242-beef';
  const briefPath = join(runDir, 'tasks', `${id}.md`);
  const resultsPath = join(runDir, 'results', `${id}.json`);
  const donePath = options.doneFile ? join(runDir, 'done', `${id}.done`) : undefined;
  const handshake = renderHandshakeBlock({ taskId: id, runId, resultsPath, ...(donePath && { donePath }) });
  await writeFiles(runDir, { [`tasks/${id}.md`]: `# ${id}\n\n${brief}\n\n${handshake}`, 'results/.keep': '' });
  const logFile = join(runDir, 'fake-codex.log');
  return {
    repo, runDir, id, runId, briefPath, resultsPath, donePath, logFile,
    prompt: `Read and follow the instructions in: ${briefPath}\nWhen done, write a JSON summary to: ${resultsPath}\nrun_id=${runId}\n`,
    env: { CODEX_HOME: codexHome, FAKE_CODEX_LOG: logFile },
    readResults: async () => JSON.parse(await readFile(resultsPath, 'utf8')),
    readLog: async () => (await readFile(logFile, 'utf8')).trim().split('\n').map((line) => JSON.parse(line)),
  };
}

export const execArgs = (task: FakeTask, ...extra: string[]) => ['exec', '--json', '--skip-git-repo-check', '-C', task.repo, ...extra, '-'];

/** Runs the fake to its end (stdin = `input`, then closed). */
export function runFake(args: string[], options: { input?: string; env?: Record<string, string> } = {}) {
  return execa(fakeCodexPath(), args, { input: options.input ?? '', env: options.env ?? {}, reject: false, timeout: 20_000 });
}

/** Starts the fake in its own process group, which is killed (SIGKILL) when the test finishes. */
export function spawnFake(args: string[], options: { env?: Record<string, string>; stdin?: 'pipe' | 'ignore' } = {}): ResultPromise {
  const child = execa(fakeCodexPath(), args, { env: options.env ?? {}, reject: false, detached: true, stdin: options.stdin ?? 'pipe', buffer: true });
  const pgid = child.pid;
  onTestFinished(() => {
    if (pgid !== undefined) signalGroup(pgid, 'SIGKILL');
  });
  return child;
}

export function signalGroup(pgid: number, signal: NodeJS.Signals): void {
  // -0 would be our own group (vitest's).
  if (!(pgid > 0)) throw new Error(`signalGroup: bad process group ${pgid}`);
  try {
    process.kill(-pgid, signal);
  } catch {
    // The group is gone already.
  }
}

/** Pids of the live (not zombie) processes in group `pgid`, from /proc. */
export function groupMembers(pgid: number): number[] {
  return readdirSync('/proc').filter((name) => /^\d+$/.test(name)).flatMap((name) => {
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      const [state, , group] = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      return Number(group) === pgid && state !== 'Z' ? [Number(name)] : [];
    } catch {
      return [];
    }
  });
}

/** The command name (`/proc/<pid>/comm`) of each live process in group `pgid`. */
export function groupCommands(pgid: number): string[] {
  return groupMembers(pgid).flatMap((pid) => {
    try {
      return [readFileSync(`/proc/${pid}/comm`, 'utf8').trim()];
    } catch {
      return [];
    }
  });
}

export async function waitFor<T>(check: () => T | undefined | false | Promise<T | undefined | false>, timeoutMs = 10_000): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > end) throw new Error(`waitFor: condition not met in ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
