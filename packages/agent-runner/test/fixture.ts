import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Task } from '@planwright/plan-schema';
import { processGroupMembers, readAgentProcesses } from '@planwright/run-store';
import { fakeAgentTask, fakeCodexEnv, tempDir, tempGitRepo, writeFiles } from '@planwright/test-utils';
import { onTestFinished } from 'vitest';
import type { AgentAdapter } from '../src/adapters/adapter.js';
import { orchestrate } from '../src/orchestrate/orchestrate.js';
import type { OrchestrateOptions, OrchestratorEvent } from '../src/orchestrate/options.js';

export interface Fixture {
  repo: string;
  planDir: string;
  planFile: string;
  env: NodeJS.ProcessEnv;
  /** Where the fake codex logs each invocation (argv, stdin, pgid...). */
  codexLog: string;
  /** Orchestrates the plan (with `adapter`, else the agent the options and env choose: the fake codex). */
  run(options?: Partial<OrchestrateOptions>, adapter?: AgentAdapter): Promise<{ result: Awaited<ReturnType<typeof orchestrate>>; events: OrchestratorEvent[] }>;
  task(id: string): Promise<Task>;
  invocations(): Promise<{ argv: string[]; stdin_was_closed: boolean; pid: number; pgid: number; prompt: string }[]>;
}

/** A task whose brief tells the fake codex what to do (`fake-agent: <mode>` lines). */
export function fakeTask(id: string, ...directives: string[]): Task {
  return fakeAgentTask<Task>(id, {}, ...directives);
}

/**
 * A temp git repo with `.plans/pr-1/plan.json`, and an environment where `codex` is the fake codex and
 * nothing of the developer's own set-up (git config, ~/.codex, caches) is read.
 */
export async function orchestratorFixture(tasks: Task[], goal = 'Ship the feature'): Promise<Fixture> {
  const repo = await tempGitRepo({ files: { 'README.md': '# demo\n' } });
  // --worktrees puts task worktrees beside the repo, outside its temp folder: remove them too.
  onTestFinished(() => rm(`${repo}.worktrees`, { recursive: true, force: true }));
  const planDir = join(repo, '.plans', 'pr-1');
  const planFile = join(planDir, 'plan.json');
  await writeFiles(repo, { '.plans/pr-1/plan.json': `${JSON.stringify({ goal, tasks }, null, 2)}\n` });
  const home = await tempDir('planwright-home-');
  const codexLog = join(home, 'fake-codex.log');
  const env: NodeJS.ProcessEnv = { ...fakeCodexEnv(home), FAKE_CODEX_LOG: codexLog };
  return {
    repo,
    planDir,
    planFile,
    env,
    codexLog,
    async run(options = {}, adapter) {
      const events: OrchestratorEvent[] = [];
      const result = await orchestrate({
        planDir,
        codeDir: repo,
        compactRun: true,
        heartbeatIntervalSeconds: 0,
        timeoutGraceSeconds: 1,
        resultsGraceSeconds: 2,
        env,
        onEvent: (event) => events.push(event),
        ...options,
      }, adapter);
      return { result, events };
    },
    async task(id) {
      const plan = JSON.parse(await readFile(planFile, 'utf8')) as { tasks: Task[] };
      return plan.tasks.find((task) => task.id === id)!;
    },
    async invocations() {
      const text = await readFile(codexLog, 'utf8').catch(() => '');
      return text.trim().split('\n').filter(Boolean).map((line) => JSON.parse(line));
    },
  };
}

/** Every process still alive in the process groups of a run's agents. */
export async function survivors(runDir: string): Promise<number[]> {
  const agents = await readAgentProcesses(runDir);
  const groups = Object.values(agents).map((agent) => agent.pgid ?? agent.pid);
  return (await Promise.all(groups.map((pgid) => processGroupMembers(pgid)))).flat();
}

/** The built bins, for tests that need a separate orchestrator process (signals, kill -9). */
export const codexOrchestrateBin = fileURLToPath(new URL('../dist/bin/codex-orchestrate.js', import.meta.url));

/**
 * The fixture's plan orchestrated with a real agent CLI's adapter, with the settings the real-CLI e2e tests
 * share: a compact run, no heartbeat, and 5 s for the results file (the CLIs end a little after their turn).
 */
export function runRealAgent(fixture: Fixture, adapter: AgentAdapter, options: Partial<OrchestrateOptions> = {}) {
  return orchestrate(
    { planDir: fixture.planDir, codeDir: fixture.repo, compactRun: true, heartbeatIntervalSeconds: 0, timeoutGraceSeconds: 1, resultsGraceSeconds: 5, env: fixture.env, ...options },
    adapter,
  );
}
