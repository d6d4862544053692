import { join } from 'node:path';
import type { Task } from '@planwright/plan-schema';
import { git, tempDir } from '@planwright/test-utils';
import type { OrchestrateOptions } from '../src/orchestrate/options.js';
import { orchestratorFixture, type Fixture } from './fixture.js';
import { GitTestExecutor, type TaskScript } from './git-executor.js';

export interface RemoteFixture extends Fixture {
  /** The bare repository the coordinator and the test executor share as `origin`. */
  bare: string;
  executor: GitTestExecutor;
  /** Orchestrates with `--executor redis://…` served by the test executor. */
  runRemote(options?: Partial<OrchestrateOptions>): ReturnType<Fixture['run']>;
  /** The subjects of the checkout's commits, newest first. */
  log(): Promise<string[]>;
}

/** A plan repo on branch main with a bare `origin`, and a test executor doing the workers' part with git. */
export async function remoteFixture(tasks: Task[], scripts: Record<string, TaskScript> = {}): Promise<RemoteFixture> {
  const fixture = await orchestratorFixture(tasks);
  const bare = join(await tempDir('planwright-remote-'), 'origin.git');
  await git(fixture.repo, ['clone', '--quiet', '--bare', fixture.repo, bare]);
  await git(fixture.repo, ['remote', 'add', 'origin', bare]);
  const executor = new GitTestExecutor(scripts);
  return {
    ...fixture,
    bare,
    executor,
    runRemote: (options = {}) => fixture.run({ executor: 'redis://127.0.0.1:6399', executors: { redis: async () => executor }, ...options }),
    log: async () => (await git(fixture.repo, ['log', '--format=%s'])).split('\n'),
  };
}
