import { UsageError } from '@planwright/cli-kit';
import { currentBranch, runGit } from '@planwright/git-ops';
import type { OrchestratorConfig } from '../../config/orchestrator-config.js';
import type { ExecutorFactory } from '../executor.js';
import type { OrchestrateOptions } from '../options.js';

/** A run on workers as preflight found it possible: the factory of its URL and the remote's URL. */
export interface CheckedExecutor {
  /** The executor's URL as given (it may hold the queue's password: never printed). */
  url: string;
  factory: ExecutorFactory;
  /** The git remote's name and URL (without a password: checked). */
  remote: string;
  remoteUrl: string;
}

interface ExecutorCheck {
  options: OrchestrateOptions;
  config: OrchestratorConfig;
  configFile: string | undefined;
  codeDir: string;
  env: NodeJS.ProcessEnv;
}

/** The executor value that means "here", whatever orchestrator.toml says. */
export const LOCAL_EXECUTOR = 'local';

/**
 * `--executor` (or orchestrator.toml's `executor`), checked before anything is written: an executor for
 * its scheme, the git remote the workers use (there, and without a password in its URL, since the job
 * carries it to every worker), the code dir on a branch (the PR branch is pushed), and no `--no-wait`
 * (this run integrates what the workers push). Undefined, or `local`: the tasks run here (`--executor local`
 * overrides an orchestrator.toml that names a queue; a worker's own runs use it).
 */
export async function checkExecutor({ options, config, configFile, codeDir, env }: ExecutorCheck): Promise<CheckedExecutor | undefined> {
  const url = options.executor ?? config.executor;
  if (url === undefined || url === LOCAL_EXECUTOR) return undefined;
  const flag = options.executor !== undefined ? '--executor' : `${configFile ?? 'orchestrator.toml'}: executor`;
  const scheme = schemeOf(url);
  if (!scheme) throw new UsageError(`${flag} ${redact(url)}: not a URL`, { hint: 'give redis://[:password@]host:port[/db] or rediss://...' });
  const factory = options.executors?.[scheme];
  if (!factory) {
    const known = Object.keys(options.executors ?? {});
    throw new UsageError(`${flag} ${redact(url)}: no executor for ${scheme}:// in ${known.length > 0 ? 'this command' : 'codex-orchestrate'}`, {
      hint: known.length > 0 ? `known: ${known.map((name) => `${name}://`).join(', ')}` : '`planwright run` has it',
    });
  }
  if (options.noWait) throw new UsageError('--no-wait cannot be used with --executor', { hint: 'the coordinator must stay to integrate what the workers push' });
  if (options.syncPlan === false) throw new UsageError('--no-sync-plan cannot be used with --executor', { hint: 'the coordinator records each worker\'s outcome in plan.json; it is the only writer' });
  if (options.interactiveCode) throw new UsageError('--interactive-code cannot be used with --executor', { hint: 'the agents run on the workers' });
  const remote = options.remote ?? config.remote ?? 'origin';
  const remoteFlag = options.remote !== undefined ? '--remote' : config.remote !== undefined ? `${configFile ?? 'orchestrator.toml'}: remote` : '--remote';
  const got = await runGit(['remote', 'get-url', remote], { cwd: codeDir, env, okCodes: [2, 128] });
  if (got.exitCode !== 0) throw new UsageError(`${remoteFlag} ${remote}: no such git remote in ${codeDir}`, { hint: `add it (git remote add ${remote} <url>) or name another with --remote` });
  const remoteUrl = got.stdout.trim();
  if (hasPassword(remoteUrl)) {
    throw new UsageError(`${remoteFlag} ${remote}: its URL carries a password, which every job would carry to the workers`, { hint: 'drop it from the URL and give the workers a git credential helper' });
  }
  // --git-branch puts the checkout on a branch before the first task.
  if (!options.gitBranch && !config.git_branch && (await currentBranch({ cwd: codeDir, env })) === null) {
    throw new UsageError(`--code-dir ${codeDir}: not on a branch (detached HEAD), and --executor pushes the PR branch`, { hint: 'git switch <branch>, or pass --git-branch' });
  }
  return { url, factory, remote, remoteUrl };
}

/** `redis` of `redis://host:6379`; undefined when the text is no URL. */
function schemeOf(url: string): string | undefined {
  return /^([a-z][a-z0-9+.-]*):\/\//i.exec(url)?.[1]?.toLowerCase();
}

/** A URL with its password shown as `***`, for messages. */
export function redact(url: string): string {
  return url.replace(/^([a-z][a-z0-9+.-]*:\/\/[^/@:]*:)[^/@]*@/i, '$1***@');
}

/** `https://user:token@host/...` carries a secret; `git@host:path` and `ssh://git@host/...` do not. */
function hasPassword(url: string): boolean {
  return /^[a-z][a-z0-9+.-]*:\/\/[^/@]*:[^/@]*@/i.test(url);
}
