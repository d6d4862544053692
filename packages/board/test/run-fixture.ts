import { join } from 'node:path';
import { orchestrate, type OrchestrateOptions } from '@planwright/agent-runner';
import type { Task } from '@planwright/plan-schema';
import { fakeAgentTask, fakeCodexEnv, tempDir, tempGitRepo, writeFiles } from '@planwright/test-utils';

/** A task whose brief tells the fake codex what to do (`fake-agent: <mode>` lines), after `extra`'s fields. */
export const fakeTask = fakeAgentTask<Task>;

/** A temp git repo with `.plans/pr-1/plan.json`, and a `run` that orchestrates it with the fake codex. */
export async function runFixture(tasks: Task[]) {
  const repo = await tempGitRepo({ files: { 'README.md': '# demo\n' } });
  const planDir = join(repo, '.plans', 'pr-1');
  await writeFiles(repo, { '.plans/pr-1/plan.json': `${JSON.stringify({ goal: 'Ship the feature', tasks }, null, 2)}\n` });
  const home = await tempDir('planwright-home-');
  const env = fakeCodexEnv(home);
  return {
    repo,
    planDir,
    planFile: join(planDir, 'plan.json'),
    env,
    run: (options: Partial<OrchestrateOptions> = {}) =>
      orchestrate({ planDir, codeDir: repo, compactRun: true, heartbeatIntervalSeconds: 0, timeoutGraceSeconds: 1, resultsGraceSeconds: 2, env, ...options }),
  };
}
