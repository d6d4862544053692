import { existsSync } from 'node:fs';
import { appendFile, mkdir, writeFile } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { homedir } from 'node:os';
import { timestamp } from '@planwright/plan-schema';
import type { ApprovalPolicy, SandboxMode } from '../adapters/access.js';
import type { AgentAdapter } from '../adapters/adapter.js';
import { checkFlags } from '../orchestrate/check-flags.js';
import { orchestrate } from '../orchestrate/orchestrate.js';
import type { OrchestrateResult, OrchestratorEvent } from '../orchestrate/options.js';
import { researchPaths, writeResearchPlan, type ResearchPaths } from './research-plan.js';

export interface ResearchOptions {
  repo?: string;
  pr: string;
  goal: string;
  out?: string;
  /** Write the research plan and the checkpoint; start no agent. */
  dryRun?: boolean;
  ghostty?: boolean;
  keepOpen?: boolean;
  /** Default 45. */
  timeoutMinutes?: number;
  /** Default `$CODEX_RUN_ROOT`, else ~/.codex/runs. */
  runRoot?: string;
  sandbox?: SandboxMode;
  approval?: ApprovalPolicy;
  env?: NodeJS.ProcessEnv;
  signal?: AbortSignal;
  onEvent?: (event: OrchestratorEvent) => void;
  adapter?: AgentAdapter;
}

export interface ResearchResult extends ResearchPaths {
  dryRun: boolean;
  exitCode: number;
  run?: OrchestrateResult;
}

/**
 * The pre-plan research agent (the kit's preplan_research.py): writes research.plan.json, a checkpoint
 * RESEARCH.md (so the planner sees that research is under way, or how it ended), then runs the
 * orchestrator in-process on the one research task. When the run fails, a failure checkpoint with the run
 * folder, the results status and the log path is appended to RESEARCH.md.
 *
 * @example
 * await runResearch({ repo: '.', pr: 'pr-42', goal: 'Add rate limiting to the API' });
 */
export async function runResearch(options: ResearchOptions): Promise<ResearchResult> {
  const repo = resolve(options.repo ?? '.');
  // A bad number is refused before the research plan and checkpoint are written, as in every run.
  checkFlags({ planDir: repo, codeDir: repo, timeoutMinutes: options.timeoutMinutes });
  const paths = researchPaths(repo, options.pr, options.out);
  await writeResearchPlan(repo, options.goal, paths);
  await writeCheckpoint(paths.outputFile, options.goal);
  if (options.dryRun) return { ...paths, dryRun: true, exitCode: 0 };
  const env = options.env ?? process.env;
  const run = await orchestrate(
    {
      planDir: paths.planDir,
      planFile: paths.planFile,
      codeDir: repo,
      runRoot: options.runRoot ?? env.CODEX_RUN_ROOT ?? join(homedir(), '.codex', 'runs'),
      reuseRun: false,
      compactRun: true,
      handshake: 'results-json',
      ensureGit: true,
      baselineCommit: true,
      // The PR's folder name (the one PR-name rule), so `PR_42` branches as `pr/pr-42`.
      gitBranch: `pr/${basename(paths.planDir)}`,
      sandbox: options.sandbox ?? 'danger-full-access',
      approval: options.approval ?? 'never',
      maxTasks: 1,
      ghostty: options.ghostty,
      keepOpen: options.keepOpen,
      timeoutMinutes: options.timeoutMinutes ?? 45,
      goal: options.goal,
      env,
      signal: options.signal,
      onEvent: options.onEvent,
    },
    options.adapter,
  );
  if (run.exitCode !== 0) await appendFailure(paths.outputFile, run);
  return { ...paths, dryRun: false, exitCode: run.exitCode, run };
}

async function writeCheckpoint(file: string, goal: string): Promise<void> {
  if (existsSync(file)) return; // Earlier research stays; the agent rewrites it.
  await mkdir(dirname(file), { recursive: true });
  await writeFile(file, `# Research\n\nGoal: ${goal}\n\n_Checkpoint ${timestamp()}: research agent started; this file is replaced by its brief._\n`);
}

async function appendFailure(file: string, run: OrchestrateResult): Promise<void> {
  const outcome = run.outcomes[0];
  const lines = [
    '',
    `## Research run failed (${timestamp()})`,
    '',
    `- exit code: ${run.exitCode}`,
    `- run dir: ${run.runDir ?? 'none'}`,
    `- results: ${outcome ? `${outcome.resultStatus ?? 'none'} (${outcome.blockedReason ?? outcome.status}) at ${outcome.resultsPath}` : 'no task ran'}`,
    `- agent log: ${outcome?.logPath ?? 'none'}`,
    '',
  ];
  await appendFile(file, lines.join('\n'));
}
