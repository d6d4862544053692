import { spawn } from 'node:child_process';
import { join } from 'node:path';
import type { RemoteTaskRequest, RemoteTaskSettings } from '@planwright/agent-runner';
import type { Task } from '@planwright/plan-schema';
import { fakeAgentTask, fakeCodexEnv, git, tempDir, tempGitRepo } from '@planwright/test-utils';
import { mirrorPath } from './mirror.js';
import type { RunJobContext } from './run-job-type.js';
import { slotFolders, slotName } from './slot-folders.js';

// For the job runner's tests: a bare repository as the remote with a PR branch, and requests and contexts
// as a coordinator and the worker loop would make them.

export interface JobRemote {
  /** The bare repository (the URL jobs name). */
  remote: string;
  /** A clone the tests commit and push from (the coordinator's checkout). */
  checkout: string;
  prBranch: string;
  baseSha: string;
}

/** A bare remote whose `pr/pr-1` branch holds a README and a commit on top of main. */
export async function jobRemote(): Promise<JobRemote> {
  const checkout = await tempGitRepo({ files: { 'README.md': '# demo\n' } });
  const prBranch = 'pr/pr-1';
  await git(checkout, ['checkout', '--quiet', '-b', prBranch]);
  await git(checkout, ['commit', '--quiet', '--allow-empty', '-m', 'PR start']);
  const remote = join(await tempDir('planwright-remote-'), 'app.git');
  await git(checkout, ['init', '--quiet', '--bare', remote]);
  await git(checkout, ['push', '--quiet', remote, `${prBranch}:refs/heads/${prBranch}`]);
  return { remote, checkout, prBranch, baseSha: await git(checkout, ['rev-parse', 'HEAD']) };
}

/** A request for a fake-agent task (its `fake-agent:` directives in the description). */
export function jobRequest(remote: JobRemote, task: Task, settings: Partial<RemoteTaskSettings> = {}): RemoteTaskRequest {
  return {
    pr: 'pr-1',
    runId: '20261206-235900-4242-abcd',
    task: { ...task, status: 'in_progress', last_run_id: '20261206-235900-4242-abcd', attempts: 1 },
    goal: 'Ship the feature',
    remote: remote.remote,
    prBranch: remote.prBranch,
    baseSha: remote.baseSha,
    taskBranch: `planwright/pr-1/${task.id}`,
    settings: { agent: 'codex', autoVerify: false, retries: 0, timeoutGraceSeconds: 1, resultsGraceSeconds: 2, ...settings },
  };
}

export const fakeTask = (id: string, extra: Partial<Task>, ...directives: string[]) => fakeAgentTask<Task>(id, extra, ...directives);

/** A worker's context: its own cache and the fake codex's environment (git isolated, an identity set). */
export async function jobContext(overrides: Partial<RunJobContext> = {}): Promise<RunJobContext & { env: NodeJS.ProcessEnv; lines: string[] }> {
  const lines: string[] = [];
  return {
    placement: { host: 'test-host', worker: 'w1', attempt: 1 },
    cacheDir: await tempDir('planwright-cache-'),
    allowRepos: [],
    signal: new AbortController().signal,
    env: fakeCodexEnv(await tempDir('planwright-home-')),
    onLine: (line) => lines.push(line),
    lines,
    ...overrides,
  };
}

/** `git` in the remote: a ref's commit, or '' when it does not exist. */
export async function remoteRef(remote: JobRemote, ref: string): Promise<string> {
  return git(remote.remote, ['rev-parse', '--verify', '--quiet', ref]).catch(() => '');
}

/** `<cache>/worktrees/<mirror name>.<n>`: the cache's n-th worktree slot for the remote (`.lock` its lock). */
export function slotPrefix(cacheDir: string, remote: JobRemote, n: number): string {
  return slotName(cacheDir, mirrorPath(cacheDir, remote.remote), n).prefix;
}

/** The n-th slot's worktree folder (`<prefix>.<6 hex>`); fails unless there is exactly one. */
export async function slotFolder(cacheDir: string, remote: JobRemote, n: number): Promise<string> {
  const folders = await slotFolders(slotName(cacheDir, mirrorPath(cacheDir, remote.remote), n));
  if (folders.length !== 1) throw new Error(`slot ${n}: ${folders.length} worktree folders, expected one`);
  return folders[0]!;
}

/** A pid that ran on this host and has ended: what a killed worker's slot lock names. */
export async function deadPid(): Promise<number> {
  const child = spawn(process.execPath, ['-e', ''], { stdio: 'ignore' });
  await new Promise((resolve) => child.once('exit', resolve));
  return child.pid!;
}
