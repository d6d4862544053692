import { realpathSync } from 'node:fs';
import { resolve } from 'node:path';
import { resolvePlanFile, type ResolvedPlan } from '@planwright/plan-schema';
import { prRunsRoot } from '@planwright/run-store';
import { insideRepo } from './inside-repo.js';

/** What every tool of one server shares: the repository it was started in, and where runs go. */
export interface ServerContext {
  /** The repository root, real path (symlinks resolved). */
  repo: string;
  /** `--run-root` of the server, resolved (runs in `<runRoot>/<PR>/`); default each PR's `<plan dir>/runs`. */
  runRoot: string | undefined;
  /** The environment of the agents, verify commands and runs this server starts. */
  env: NodeJS.ProcessEnv;
}

/** A PR's files, located inside the server's repository. */
export interface PrPaths extends ResolvedPlan {
  runsRoot: string;
}

/** The context of a server started in `repo`: a folder that must exist. */
export function serverContext(options: { repo: string; runRoot?: string; env?: NodeJS.ProcessEnv }): ServerContext {
  const repo = realpathSync(resolve(options.repo));
  const runRoot = options.runRoot ? resolve(repo, options.runRoot) : undefined;
  return { repo, runRoot, env: options.env ?? process.env };
}

/**
 * The plan of `pr` in the server's repository: the name is checked as the CLI checks `--pr`, and the
 * plan's folder (followed through symlinks) must stay inside the repository.
 */
export async function prPaths(context: ServerContext, pr: string): Promise<PrPaths> {
  const located = resolvePlanFile({ repo: context.repo, pr, cwd: context.repo });
  await insideRepo(context.repo, located.planDir, `pr ${JSON.stringify(pr)}`);
  const runsRoot = prRunsRoot({ planDir: located.planDir, runRoot: context.runRoot, pr: located.pr });
  if (!context.runRoot) await insideRepo(context.repo, runsRoot, `runs of ${pr}`);
  return { ...located, runsRoot };
}
