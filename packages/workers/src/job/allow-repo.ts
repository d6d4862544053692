import { PlanwrightError } from '@planwright/cli-kit';

/** A job for a repository this worker was not allowed to work on; never retried. */
export class RepoNotAllowedError extends PlanwrightError {
  override name = 'RepoNotAllowedError';

  constructor(
    readonly url: string,
    readonly worker: string,
  ) {
    super(`worker ${worker} refuses the job for ${url}: the repository is not on its --allow-repo list`, {
      exitCode: 2,
      hint: `start the worker with --allow-repo ${url}`,
    });
  }
}

/**
 * A remote URL in the form two spellings of one repository share: no trailing `/` or `.git`, the
 * scheme and host in lower case (paths keep their case: most servers tell `Org/App` from `org/app`).
 *
 * @example
 * normalizeRepoUrl('https://GitHub.com/acme/app.git/'); // 'https://github.com/acme/app'
 */
export function normalizeRepoUrl(url: string): string {
  const trimmed = url.trim().replace(/\/+$/, '').replace(/\.git$/i, '').replace(/\/+$/, '');
  const withScheme = /^([A-Za-z][A-Za-z0-9+.-]*:\/\/)([^/]*)(.*)$/.exec(trimmed);
  if (withScheme) {
    const [, scheme, authority, rest] = withScheme as unknown as [string, string, string, string];
    const at = authority.lastIndexOf('@');
    // The user part (before @) keeps its case; only the host is case-blind.
    const host = at === -1 ? authority.toLowerCase() : `${authority.slice(0, at + 1)}${authority.slice(at + 1).toLowerCase()}`;
    return `${scheme.toLowerCase()}${host}${rest}`;
  }
  // scp-like `git@host:org/app`: a colon before any slash, and not a Windows drive letter.
  const scp = /^([^@/:]+@)?([^/:]{2,}):(.*)$/.exec(trimmed);
  if (scp) return `${scp[1] ?? ''}${scp[2]!.toLowerCase()}:${scp[3]}`;
  return trimmed;
}

export interface CheckRepoOptions {
  /** The job's remote. */
  url: string;
  /** The worker's --allow-repo list; empty: every repository is allowed. */
  allowRepos: readonly string[];
  /** The worker's name, for the message. */
  worker: string;
}

/**
 * Refuses a job whose remote is not on the worker's --allow-repo list (compared normalized), before
 * anything is fetched: a worker's machine holds agent credentials, so it runs code of chosen repositories only.
 */
export function checkRepoAllowed(options: CheckRepoOptions): void {
  if (options.allowRepos.length === 0) return;
  const wanted = normalizeRepoUrl(options.url);
  if (options.allowRepos.some((allowed) => normalizeRepoUrl(allowed) === wanted)) return;
  throw new RepoNotAllowedError(options.url, options.worker);
}
