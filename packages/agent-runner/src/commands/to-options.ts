import { resolve } from 'node:path';
import type { ApprovalPolicy, SandboxMode } from '../adapters/access.js';
import type { OrchestrateOptions } from '../orchestrate/options.js';
import type { OrchestrateArgs } from './orchestrate-options.js';

/** Parsed flags -> library options. `planDir`/`codeDir` may be filled in by the caller (`planwright run`). */
export function toOrchestrateOptions(args: OrchestrateArgs, dirs: { planDir: string; codeDir: string }): OrchestrateOptions {
  const goal = [...(args.goal ?? []), ...(args['--'] ?? [])].map(String).join(' ').trim();
  return {
    planDir: dirs.planDir,
    codeDir: dirs.codeDir,
    planFile: args.planFile,
    goal: goal || undefined,
    runRoot: args.runRoot,
    runDir: args.runDir,
    reuseRun: args.reuseRun,
    compactRun: args.compactRun,
    handshake: args.handshake,
    maxTasks: args.maxTasks,
    taskId: args.taskId,
    ensureGit: args.ensureGit,
    baselineCommit: args.baselineCommit,
    gitBranch: args.gitBranch,
    gitignoreRuns: args.gitignoreRuns,
    streamAgentOutput: args.streamAgentOutput,
    interactiveCode: args.interactiveCode,
    noWait: !args.wait,
    ghostty: args.ghostty,
    keepOpen: args.keepOpen,
    timeoutMinutes: args.timeoutMinutes,
    timeoutGraceSeconds: args.timeoutGraceSeconds,
    heartbeatIntervalSeconds: args.heartbeatIntervalSeconds,
    resultsGraceSeconds: args.resultsGraceSeconds,
    sandbox: args.sandbox as SandboxMode | undefined,
    approval: args.approval as ApprovalPolicy | undefined,
    model: args.model,
    agent: args.agent,
    concurrency: args.concurrency,
    autoVerify: args.autoVerify,
    retries: args.retries,
    handshakeReminders: args.handshakeReminders,
    verifyTimeoutMinutes: args.verifyTimeoutMinutes,
    commit: args.commit,
    worktrees: args.worktrees,
    stallMinutes: args.stallMinutes,
    syncPlan: args.syncPlan,
  };
}

/** `planwright run --pr P [--repo R]`: the plan dir is R/.plans/P and the code dir R, unless given. */
export function runDirs(args: OrchestrateArgs & { pr?: string; repo: string }): { planDir: string; codeDir: string } {
  const repo = resolve(args.repo);
  return {
    planDir: args.planDir ?? resolve(repo, '.plans', args.pr ?? ''),
    codeDir: args.codeDir ?? repo,
  };
}
