import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { countText } from '@planwright/cli-kit';
import { orchestrate, runResearch, type OrchestratorEvent } from '@planwright/agent-runner';
import { reviewPlan } from '@planwright/gemini-review';
import { runGit } from '@planwright/git-ops';
import { formatCounts, loadPlan, renderStatus, summarizePlan } from '@planwright/plan-schema';
import { type DemoContext, seconds, shown, type StepOutcome } from './context.js';
import { formatChecks, runSampleChecks } from './sample-checks.js';

const planDir = (context: DemoContext) => join(context.repo, '.plans', context.pr);
/** Research and run keep their run folders side by side: <plan dir>/runs/<PR>/<run id>. */
export const demoRunRoot = (repo: string, pr: string) => join(repo, '.plans', pr, 'runs');
const runRoot = (context: DemoContext) => demoRunRoot(context.repo, context.pr);

/** 5. `planwright research`: the real Codex writes research/RESEARCH.md (the run folder stays in the plan folder). */
export async function researchStep(context: DemoContext): Promise<StepOutcome> {
  const result = await runResearch({ repo: context.repo, pr: context.pr, goal: context.goal, runRoot: runRoot(context), timeoutMinutes: context.timeoutMinutes, env: context.env, signal: context.signal });
  const outcome = result.run?.outcomes[0];
  // The checkpoint says the agent started; the agent's brief replaces it.
  const written = !(await readFile(result.outputFile, 'utf8')).includes('research agent started');
  const by = `codex${outcome?.sessionId ? ` (thread ${outcome.sessionId.slice(0, 8)}…, ${tokens(outcome.usage?.input_tokens)} tokens in)` : ''}`;
  return {
    ok: result.exitCode === 0 && outcome?.status === 'agent_done' && written,
    summary: written
      ? `${shown(context, result.outputFile)} written by ${by} in ${seconds(outcome?.durationMs ?? 0)}; run folder ${shown(context, result.run?.runDir ?? runRoot(context))}`
      : `no research brief: ${outcome?.blockedReason ?? `exit code ${result.exitCode}`} (agent log: ${outcome?.logPath ?? 'none'})`,
    files: { research: result.outputFile, ...(result.run?.runDir && { runDir: result.run.runDir }) },
    details: { exitCode: result.exitCode, status: outcome?.status, resultStatus: outcome?.resultStatus, sessionId: outcome?.sessionId },
  };
}

/** 6. `planwright review`: the real Gemini critiques preplan/PLAN_OPTIONS.md with the context and research. */
export async function reviewStep(context: DemoContext): Promise<StepOutcome> {
  const result = await reviewPlan({ repo: context.repo, pr: context.pr, timeoutMinutes: context.timeoutMinutes, env: context.env, signal: context.signal });
  const model = result.model_used === result.model_requested ? result.model_used : `${result.model_used}, asked for ${result.model_requested}`;
  return {
    ok: true,
    summary: `${shown(context, result.output)} by gemini (${model}; ${tokens(result.tokens?.total)} tokens) in ${seconds(result.duration_ms)}; bundle: ${result.bundle.files.length} files`,
    files: { review: result.output },
    details: { model_used: result.model_used, model_requested: result.model_requested, session_id: result.session_id, tokens: result.tokens, bundle: result.bundle.files },
  };
}

/** 7. `planwright run --concurrency 2 --auto-verify --commit`: the real Codex on every task, two domains at once. */
export async function runStep(context: DemoContext): Promise<StepOutcome> {
  const started = Date.now();
  const result = await orchestrate({
    planDir: planDir(context),
    codeDir: context.repo,
    runRoot: runRoot(context),
    compactRun: true,
    handshake: 'results-json',
    agent: 'codex',
    concurrency: 2,
    autoVerify: true,
    commit: true,
    gitBranch: 'pr/<PR_NAME>',
    timeoutMinutes: context.timeoutMinutes,
    env: context.env,
    signal: context.signal,
    onEvent: (event) => progress(context, event),
  });
  const plan = await loadPlan(join(planDir(context), 'plan.json'));
  const done = result.outcomes.filter((outcome) => outcome.status === 'done' && outcome.commit);
  const commits = await commitsSince(context);
  const log = commits.length ? `\ncommits: git -C ${context.repo} log --oneline ${context.baseSha?.slice(0, 7)}..pr/${context.pr}` : '';
  return {
    ok: result.exitCode === 0 && done.length === plan.tasks.length && commits.length === plan.tasks.length,
    summary: `${done.length}/${plan.tasks.length} tasks done, verified and committed (2 at a time) in ${seconds(Date.now() - started)}; run folder ${shown(context, result.runDir ?? planDir(context))}${log}`,
    files: { runDir: result.runDir ?? '', plan: result.planFile },
    details: { exitCode: result.exitCode, commits, outcomes: result.outcomes.map(({ taskId, status, resultStatus, verified, blockedReason, commit, durationMs }) => ({ taskId, status, resultStatus, verified, blockedReason, commit: commit?.after, durationMs })) },
  };
}

/** 8. `planwright status`: the plan at a glance, and every check of the sample now passing. */
export async function statusStep(context: DemoContext): Promise<StepOutcome> {
  const planFile = join(planDir(context), 'plan.json');
  const summary = summarizePlan(await loadPlan(planFile));
  const checks = await runSampleChecks(context.repo, context.env);
  return {
    ok: summary.counts.done === summary.total && checks.exitCode === 0 && checks.failed.length === 0,
    summary: `${formatCounts(summary)}; node test.mjs: ${formatChecks(checks)}`,
    files: { plan: planFile },
    details: { status: summary, table: renderStatus(summary), checks },
  };
}

/** `<short sha> <subject>` of every commit after the sample's first one. */
export async function commitsSince(context: DemoContext): Promise<string[]> {
  if (!context.baseSha) return [];
  const log = await runGit(['log', '--reverse', '--format=%h %s', `${context.baseSha}..HEAD`], { cwd: context.repo, env: context.env });
  return log.stdout.split('\n').filter(Boolean);
}

const tokens = (count: number | undefined) => countText(count ?? 0);

function progress(context: DemoContext, event: OrchestratorEvent): void {
  if (event.type === 'task-started') context.onProgress?.({ type: 'task-started', taskId: event.taskId, agent: event.agent ?? 'codex' });
  if (event.type === 'task-finished') {
    const { taskId, status, verified, commit, durationMs, blockedReason } = event.outcome;
    context.onProgress?.({ type: 'task-finished', taskId, status, verified, commit: commit?.after.slice(0, 7), durationMs, reason: blockedReason });
  }
}
