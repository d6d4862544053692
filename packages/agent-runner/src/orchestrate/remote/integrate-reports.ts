import { headSha, runGit, type RunGitOptions } from '@planwright/git-ops';
import type { ItemResult } from '../batched.js';
import { serialized } from '../git-lock.js';
import { fetchAttempts } from './fetch-attempts.js';
import { integrateOne, type Integration } from './integrate-one.js';

/** A worker's report to bring in: the task, its commit and the attempt ref that holds it, its base. */
export interface ReportToLand {
  taskId: string;
  /** The task's commit and the ref of the attempt that made it, as the report names them. */
  commit: { sha: string; attemptRef: string };
  /** The commit the task started from; its commits after it are brought in. */
  baseSha: string;
  /** PLANWRIGHT_TIMINGS: ends a phase of this task, `share` being how many tasks the phase served. */
  mark?: (phase: string, share: number) => void;
}

export interface IntegrateReportsOptions {
  codeDir: string;
  /** The remote's name (fetched from). */
  remote: string;
  env?: NodeJS.ProcessEnv;
}

/**
 * Brings exactly the reported commits into the checkout, several reports at once, under the checkout's
 * git lock: every attempt ref in one fetch (a late worker that pushes the task branch again cannot change
 * what lands), each checked to be its report's sha; one walk tells the reports already held (seen twice)
 * from the new ones; the new ones that are one commit on their base (what a worker makes) go in with one
 * `cherry-pick --ff`, each a fast-forward when the checkout is still at its parent. Anything else (a
 * conflict, a task of several commits) is done report by report (integrateOne), where a conflict leaves
 * the checkout as it was and names the files. One result per report, in their order.
 */
export function integrateReports(options: IntegrateReportsOptions, reports: ReportToLand[]): Promise<ItemResult<Integration>[]> {
  const git: RunGitOptions = { cwd: options.codeDir, env: options.env };
  const mark = (phase: string) => reports.forEach((report) => report.mark?.(phase, reports.length));
  return serialized(
    options.codeDir,
    async () => {
      mark('git lock wait');
      const results = new Map<ReportToLand, ItemResult<Integration>>();
      const fetched = await fetchAttempts(git, options.remote, reports.map((report) => report.commit.attemptRef));
      mark('fetch');
      const landing: ReportToLand[] = [];
      for (const report of reports) {
        const found = fetched.get(report.commit.attemptRef);
        if (found instanceof Error) results.set(report, { error: found });
        else if (found !== report.commit.sha) results.set(report, { error: new Error(`${report.taskId}: ${report.commit.attemptRef} is ${found?.slice(0, 8) ?? 'missing'} on the remote, not the reported ${report.commit.sha.slice(0, 8)}`) });
        else landing.push(report);
      }
      if (landing.length > 0) await land(git, landing, results);
      mark('integrate');
      return reports.map((report) => results.get(report)!);
    },
    options.env,
  );
}

async function land(git: RunGitOptions, reports: ReportToLand[], results: Map<ReportToLand, ItemResult<Integration>>): Promise<void> {
  const before = (await headSha(git))!;
  // The commits of every report not yet in the checkout, with their parents: a report whose own commit is
  // missing from the list is held already; one whose commit's only parent is its base is a single commit.
  const walk = await runGit(['rev-list', '--parents', '^HEAD', ...new Set(reports.map((report) => report.commit.sha))], git);
  const parents = new Map(walk.stdout.trim().split('\n').filter(Boolean).map((line) => { const [commit, ...rest] = line.split(' '); return [commit!, rest]; }));
  const single: ReportToLand[] = [];
  const others: ReportToLand[] = [];
  for (const report of reports) {
    const own = parents.get(report.commit.sha);
    if (!own) results.set(report, { value: { commit: { before, after: before }, method: 'nothing' } });
    else if (own.length === 1 && own[0] === report.baseSha && !single.some((other) => other.commit.sha === report.commit.sha)) single.push(report);
    else others.push(report);
  }
  if (single.length > 0 && !(await pickAll(git, before, single, results))) others.unshift(...single);
  for (const report of others) {
    results.set(report, await integrateOne(git, report).then((value) => ({ value }), (error: unknown) => ({ error })));
  }
}

/**
 * All the single-commit reports in one cherry-pick, in order, fast-forwarding where it can; then one
 * rev-list says which commit each became. False (and the checkout as it was) when any did not apply cleanly.
 */
async function pickAll(git: RunGitOptions, before: string, reports: ReportToLand[], results: Map<ReportToLand, ItemResult<Integration>>): Promise<boolean> {
  const picked = await runGit(['cherry-pick', '--ff', '--allow-empty', ...reports.map((report) => report.commit.sha)], { ...git, okCodes: [1, 128] });
  const made = picked.exitCode === 0 ? (await runGit(['rev-list', '--reverse', `${before}..HEAD`], git)).stdout.trim().split('\n') : [];
  if (picked.exitCode !== 0 || made.length !== reports.length) {
    if (picked.exitCode !== 0) await runGit(['cherry-pick', '--abort'], { ...git, okCodes: [128] });
    else await runGit(['reset', '--quiet', '--keep', before], git);
    return false;
  }
  reports.forEach((report, index) => {
    const after = made[index]!;
    results.set(report, { value: { commit: { before: index === 0 ? before : made[index - 1]!, after }, method: after === report.commit.sha ? 'fast-forward' : 'cherry-pick' } });
  });
  return true;
}
