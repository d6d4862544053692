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
  const configured = async (role: 'AUTHOR' | 'COMMITTER') =>
    (await runGit(['-c', 'user.useConfigOnly=true', 'var', `GIT_${role}_IDENT`], { cwd, env, okCodes: [128] })).exitCode === 0;
  const result = { ...env };
  for (const role of ['AUTHOR', 'COMMITTER'] as const) {
    if (await configured(role)) continue;
    result[`GIT_${role}_NAME`] = WORKER_IDENTITY.name;
    result[`GIT_${role}_EMAIL`] = WORKER_IDENTITY.email;
  }
  return result;
}
