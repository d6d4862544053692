import { runGit } from '@planwright/git-ops';

/**
 * The author and committer of worker commits when the machine configures none. Fixed rather than made
 * from the host name: git's guess (`root@build-7.(none)`) fails or differs per machine, and where a task
 * ran is already in the attempt ref and the report (host, worker).
 */
export const WORKER_IDENTITY = { name: 'planwright worker', email: 'worker@planwright.invalid' } as const;

/**
 * The environment to commit with in `cwd`: `env` as it is when git has an identity configured (config or
 * the GIT_AUTHOR_NAME family of variables), else with the fixed worker identity for the role that lacks one.
 * `user.useConfigOnly` keeps git from guessing one from the host name, which would pass here and fail or
 * mislead elsewhere.
 */
export async function commitEnv(cwd: string, env: NodeJS.ProcessEnv): Promise<NodeJS.ProcessEnv> {
  const key = JSON.stringify(IDENTITY_SOURCES.map((name) => env[name] ?? null));
  let missing = missingRoles.get(key);
  if (!missing) {
    missingRoles.set(key, (missing = findMissingRoles(cwd, env)));
    // A failure (git not found) is not remembered: the next job asks again.
    missing.catch(() => missingRoles.delete(key));
  }
  const result = { ...env };
  for (const role of await missing) {
    result[`GIT_${role}_NAME`] = WORKER_IDENTITY.name;
    result[`GIT_${role}_EMAIL`] = WORKER_IDENTITY.email;
  }
  return result;
}

/**
 * What git's identity comes from besides the repository's config, which no one sets in a worker's mirror:
 * the answer is the same for every job of the worker process with these, so it is asked once (two git
 * processes fewer per job).
 */
const IDENTITY_SOURCES = [
  'GIT_AUTHOR_NAME', 'GIT_AUTHOR_EMAIL', 'GIT_COMMITTER_NAME', 'GIT_COMMITTER_EMAIL', 'EMAIL',
  'HOME', 'XDG_CONFIG_HOME', 'GIT_CONFIG_GLOBAL', 'GIT_CONFIG_SYSTEM', 'GIT_CONFIG_NOSYSTEM', 'GIT_CONFIG_COUNT',
] as const;
const missingRoles = new Map<string, Promise<Role[]>>();

type Role = 'AUTHOR' | 'COMMITTER';

async function findMissingRoles(cwd: string, env: NodeJS.ProcessEnv): Promise<Role[]> {
  const configured = async (role: Role) =>
    (await runGit(['-c', 'user.useConfigOnly=true', 'var', `GIT_${role}_IDENT`], { cwd, env, okCodes: [128] })).exitCode === 0;
  const missing: Role[] = [];
  for (const role of ['AUTHOR', 'COMMITTER'] as const) if (!(await configured(role))) missing.push(role);
  return missing;
}
