import { cp, readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { headSha, runGit } from '@planwright/git-ops';
import { createProposal, planFromChange, validateChange } from '@planwright/specflow';
import { initRepo } from '../init/init-repo.js';
import { type DemoContext, shown, type StepOutcome } from './context.js';
import { formatChecks, runSampleChecks } from './sample-checks.js';

/** 1. The sample project in the temp folder, as a git repository with one commit on `main`. */
export async function sampleStep(context: DemoContext): Promise<StepOutcome> {
  await cp(context.assets.sample, context.repo, { recursive: true });
  const git = (args: string[]) => runGit(args, { cwd: context.repo, env: context.env });
  await git(['init', '--quiet', '--initial-branch=main']);
  // A repo-local identity and no signing: the demo commits whatever the user's git config says.
  await git(['config', 'user.name', 'planwright demo']);
  await git(['config', 'user.email', 'demo@planwright.invalid']);
  await git(['config', 'commit.gpgsign', 'false']);
  await git(['add', '--all']);
  await git(['commit', '--quiet', '-m', 'word-tools: the sample project']);
  context.baseSha = (await headSha({ cwd: context.repo, env: context.env })) ?? undefined;
  const files = (await readdir(context.repo, { recursive: true, withFileTypes: true })).filter((entry) => entry.isFile() && !entry.parentPath.includes('.git'));
  // Before the change, the new checks fail: the run step has to make them pass.
  const checks = await runSampleChecks(context.repo, context.env);
  return {
    ok: checks.passed.length > 0,
    summary: `word-tools, a tiny Node project (${files.length} files, no install), git repo on main at ${context.baseSha?.slice(0, 7)}; node test.mjs: ${formatChecks(checks)}`,
    files: { repo: context.repo },
    details: { base: context.baseSha, checks },
  };
}

/** 2. `planwright init`: openspec/, .plans/PLANNER.md, the .gitignore block; the planner fills in project.md. */
export async function initStep(context: DemoContext): Promise<StepOutcome> {
  const result = await initRepo({ repo: context.repo });
  const projectMd = join(context.repo, 'openspec', 'project.md');
  await cp(join(context.assets.planner, 'project.md'), projectMd);
  return {
    ok: true,
    // The .gitkeep files of the empty openspec/ folders are left out of the line.
    summary: `${result.created.filter((file) => !file.endsWith('.gitkeep')).join(', ')} (project.md filled in for word-tools), .gitignore: run folders ignored (${result.gitignore})`,
    files: { project: projectMd, planner: join(context.repo, '.plans', 'PLANNER.md') },
    details: { ...result },
  };
}

/** 3. `planwright proposal <change>`, then the planner's proposal, tasks, design and spec delta; validated. */
export async function proposalStep(context: DemoContext): Promise<StepOutcome> {
  const created = await createProposal({ repo: context.repo, change: context.change });
  const changeDir = join(context.repo, created.dir);
  for (const file of ['proposal.md', 'tasks.md', 'design.md', 'specs']) {
    await cp(join(context.assets.planner, file), join(changeDir, file), { recursive: true, force: true });
  }
  const report = await validateChange({ repo: context.repo, change: context.change });
  const tasksMd = await readFile(join(changeDir, 'tasks.md'), 'utf8');
  const count = (pattern: RegExp) => tasksMd.match(pattern)?.length ?? 0;
  return {
    ok: report.valid,
    summary: `${shown(context, changeDir)}/: proposal.md, tasks.md (${count(/^\s*- \[ \]/gm)} tasks in ${count(/^## /gm)} groups), design.md, specs/word-tools/spec.md; validate: ${report.errors} errors, ${report.warnings} warnings`,
    files: { change: changeDir, tasks: join(changeDir, 'tasks.md') },
    details: { valid: report.valid, errors: report.errors, warnings: report.warnings },
  };
}

/** 4. `planwright plan <change> --pr <PR>`: plan.json, CONTEXT.md, MASTER.md; the planner adds PLAN_OPTIONS.md. */
export async function planStep(context: DemoContext): Promise<StepOutcome> {
  const result = await planFromChange({ repo: context.repo, change: context.change, pr: context.pr });
  const planDir = join(context.repo, '.plans', context.pr);
  const options = join(planDir, 'preplan', 'PLAN_OPTIONS.md');
  await cp(join(context.assets.planner, 'PLAN_OPTIONS.md'), options);
  const tasks = result.plan.tasks;
  const domains = [...new Set(tasks.map((task) => task.domain).filter(Boolean))];
  const after = tasks.flatMap((task) => (task.depends_on ?? []).map((dependency) => `${task.id} after ${dependency}`));
  return {
    ok: result.placeholders.length === 0,
    summary: `${result.planFile}: ${tasks.length} tasks in ${domains.length} domains (${domains.join(', ')}), ${after.join(', ') || 'no dependencies'}; each with its own verify; plan options in preplan/PLAN_OPTIONS.md`,
    files: { plan: join(context.repo, result.planFile), context: join(context.repo, result.contextFile), master: join(context.repo, result.masterFile), planOptions: options },
    details: { tasks: tasks.map((task) => ({ id: task.id, title: task.title, domain: task.domain, depends_on: task.depends_on, verify: task.verify })), placeholders: result.placeholders },
  };
}
