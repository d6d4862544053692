import { join } from 'node:path';
import { execa } from 'execa';
import type { AgentAdapter } from '../src/adapters/adapter.js';
import type { AgentEventState } from '../src/adapters/agent-events.js';
import type { Fixture } from './fixture.js';

export interface ResumedRun {
  exitCode: number | undefined;
  stderr: string;
  /** What the launch's own event parser made of the resumed run's output. */
  state: AgentEventState;
}

/**
 * Resumes task_001's session with the adapter's real CLI, as a follow-up of the orchestrator would (its
 * stdin, its env over the fixture's, the code dir as cwd), and parses the events it prints.
 *
 * @example
 * const resumed = await resumeTask(codexAdapter(), fixture, result.runDir!, threadId, 'Please double-check.');
 */
export async function resumeTask(adapter: AgentAdapter, fixture: Fixture, runDir: string, sessionId: string, prompt: string, model?: string): Promise<ResumedRun> {
  const launch = await adapter.resume!(
    {
      taskId: 'task_001',
      codeDir: fixture.repo,
      runDir,
      prompt,
      briefPath: join(runDir, 'tasks', 'task_001.md'),
      resultsPath: join(runDir, 'results', 'task_001.json'),
      lastMessagePath: join(runDir, 'last_message_task_001.txt'),
      sandbox: 'workspace-write',
      approval: 'never',
      model,
      env: fixture.env,
    },
    sessionId,
  );
  const stdio = launch.stdin === undefined ? { stdin: 'ignore' as const } : { input: launch.stdin };
  const run = await execa(launch.bin, launch.args, { ...stdio, env: { ...fixture.env, ...launch.env }, cwd: fixture.repo, reject: false });
  for (const line of run.stdout.split('\n')) launch.parser.feed(line);
  return { exitCode: run.exitCode, stderr: run.stderr, state: launch.parser.state };
}

/**
 * Runs the resume command doctor printed (`planwright doctor --print-rerun`), as a person would paste it:
 * its argv with the CLI's real path for the bare name, in its cwd, its env added, the prompt on stdin only
 * when it says so; the output parsed by the adapter's own event parser.
 */
export async function runPrintedResume(
  resume: { argv: string[]; cwd?: string; env?: Record<string, string>; prompt_on_stdin: boolean; prompt: string },
  bin: string,
  adapter: AgentAdapter,
  env: NodeJS.ProcessEnv,
): Promise<ResumedRun> {
  const stdio = resume.prompt_on_stdin ? { input: resume.prompt } : { stdin: 'ignore' as const };
  const run = await execa(bin, resume.argv.slice(1), { ...stdio, env: { ...env, ...resume.env }, cwd: resume.cwd, reject: false });
  const parser = adapter.events!();
  for (const line of run.stdout.split('\n')) parser.feed(line);
  return { exitCode: run.exitCode, stderr: run.stderr, state: parser.state };
}
