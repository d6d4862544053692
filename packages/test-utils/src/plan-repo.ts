import { tempDir, writeFiles } from './temp-dir.js';

export interface TempPlanRepoOptions {
  pr?: string;
  /** The plan.json content: an object (written as 2-space JSON) or raw text. */
  plan: unknown;
  /** Other files to write in the repo. */
  files?: Record<string, string>;
}

export interface TempPlanRepo {
  repo: string;
  pr: string;
  /** Absolute path of `.plans/<PR>/plan.json`. */
  planFile: string;
  planDir: string;
}

/** A temp folder holding `.plans/<PR>/plan.json` (not a git repo), removed when the test finishes. */
export async function tempPlanRepo(options: TempPlanRepoOptions): Promise<TempPlanRepo> {
  const repo = await tempDir('planwright-plan-');
  const pr = options.pr ?? 'pr-1';
  const text = typeof options.plan === 'string' ? options.plan : `${JSON.stringify(options.plan, null, 2)}\n`;
  await writeFiles(repo, { ...options.files, [`.plans/${pr}/plan.json`]: text });
  const planDir = `${repo}/.plans/${pr}`;
  return { repo, pr, planFile: `${planDir}/plan.json`, planDir };
}
