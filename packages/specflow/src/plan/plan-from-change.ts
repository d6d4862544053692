import { UsageError } from '@planwright/cli-kit';
import {
  appendMasterLog,
  checkPlanData,
  planErrorFromProblems,
  prFolderName,
  runnableTasks,
  stringifyJson,
  timestamp,
  writeFileAtomic,
  type Plan,
} from '@planwright/plan-schema';
import { mkdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { readChange } from '../change/read-change.js';
import { detectLayout } from '../layout/openspec-layout.js';
import { isFile, repoPath, requireChange, type RepoOptions } from '../layout/paths.js';
import { writeUnlessExists, type WriteOutcome } from '../layout/write-new.js';
import { checkTasks } from '../tasks/check-tasks.js';
import { buildPlanTasks } from './build-tasks.js';
import { contextMarkdown } from './context-md.js';
import { detectVerify, type DetectedVerify } from './detect-verify.js';
import { configContext, conventionsFile, planGoal } from './plan-sources.js';
import { loadVerifyOverrides } from './verify-overrides.js';

export interface PlanFromChangeOptions extends RepoOptions {
  change: string;
  /** PR name (default: the change); the slug rule applies. The plan goes to `.plans/<PR>/`. */
  pr?: string;
  /** Replace an existing plan.json and CONTEXT.md. */
  force?: boolean;
  /** A verify-overrides JSON file, relative to `cwd`. */
  verifyOverrides?: string;
}

export interface PlanFromChangeResult {
  change: string;
  pr: string;
  /** Repository paths of the files written. */
  planFile: string;
  contextFile: string;
  context: WriteOutcome;
  masterFile: string;
  plan: Plan;
  /** The verify of tasks without their own `Verify:` line, and where it came from. */
  verify: Omit<DetectedVerify, 'warnings'>;
  /** Ids of tasks whose verify is the failing placeholder. */
  placeholders: string[];
  warnings: string[];
}

/**
 * Turns `openspec/changes/<change>/tasks.md` into `.plans/<PR>/plan.json` (validated, written
 * atomically), writes CONTEXT.md and logs the plan in MASTER.md. Bad input is a UsageError and writes
 * nothing: an unknown change, a name that slugs to nothing, tasks.md without tasks or with bad
 * dependencies, an unusable overrides file, an existing plan without `force`.
 *
 * @example
 * const { planFile, placeholders } = await planFromChange({ repo: '.', change: 'add-2fa', pr: 'pr-42' });
 */
export async function planFromChange(options: PlanFromChangeOptions): Promise<PlanFromChangeResult> {
  const layout = await detectLayout(options);
  const openspec1 = layout.kind === 'openspec-1';
  const paths = await requireChange(layout, options.change);
  const pr = prFolderName({ pr: options.pr ?? paths.name, repo: layout.root });
  const change = await readChange(layout, paths);
  // OpenSpec 1.x does not require a proposal; the kit did, and still does in its layout.
  if (change.tasksText === undefined || (!openspec1 && change.proposal === undefined)) {
    const missing = openspec1 ? 'tasks.md is missing' : 'proposal.md or tasks.md is missing';
    throw new UsageError(`${repoPath(layout, paths.dir)}: ${missing}`, {
      hint: `run "specflow proposal ${paths.name}"; it writes the missing files and keeps the others`,
    });
  }
  const checked = checkTasks(change.tasks, repoPath(layout, paths.tasks));
  if (checked.diagnostics.length > 0) {
    const [first, ...others] = checked.diagnostics;
    const more = others.length > 0 ? `; ${others.length} more: see "specflow validate ${paths.name}"` : '';
    const { line, code, message, fix } = first!;
    const where = `${first!.file}${line === undefined ? '' : `:${line}`}`;
    throw new UsageError(`${where}: ${code}: ${message}`, { hint: `${fix}; nothing was written${more}` });
  }
  const overrides = options.verifyOverrides
    ? await loadVerifyOverrides(resolve(options.cwd ?? process.cwd(), options.verifyOverrides), options.verifyOverrides)
    : {};
  const planDir = join(layout.root, '.plans', pr);
  const planPath = join(planDir, 'plan.json');
  if (!options.force && (await isFile(planPath))) {
    throw new UsageError(`Refusing to overwrite existing plan: ${repoPath(layout, planPath)}`, {
      hint: 'use --force to replace it',
    });
  }
  const { warnings: verifyWarnings, ...verify } = await detectVerify({ root: layout.root, overrides, projectMd: layout.projectMd });
  const conventions = await conventionsFile(layout);
  const built = buildPlanTasks({
    conventions: conventions ?? null,
    change: paths.name,
    pr,
    items: change.tasks,
    dependsOn: checked.dependsOn,
    verify: verify.commands,
    overrides,
  });
  const data = {
    goal: planGoal(change, openspec1) ?? `Implement OpenSpec change: ${paths.name}`,
    created_at: timestamp(),
    openspec: {
      change: paths.name,
      proposal: repoPath(layout, paths.proposal),
      tasks: repoPath(layout, paths.tasks),
      spec_deltas_dir: repoPath(layout, paths.specs),
    },
    tasks: built.tasks,
  };
  const check = checkPlanData(data);
  if (!check.ok) throw planErrorFromProblems(repoPath(layout, planPath), check.problems);

  await mkdir(planDir, { recursive: true });
  await writeFileAtomic(planPath, stringifyJson(check.plan));
  const contextPath = join(planDir, 'CONTEXT.md');
  const projectContext = openspec1 ? await configContext(layout) : undefined;
  const contextText = contextMarkdown({
    pr,
    change: paths.name,
    verify,
    placeholders: built.placeholders,
    conventions: conventions ?? null,
    ...(projectContext === undefined ? {} : { projectContext }),
  });
  const context = await writeUnlessExists(contextPath, contextText, options.force ?? false);
  const next = runnableTasks(check.plan)[0]?.id;
  const masterPath = await appendMasterLog(planDir, pr, {
    title: `plan from OpenSpec change ${paths.name}`,
    lines: [
      `Initialized plan from OpenSpec change: \`${repoPath(layout, paths.dir)}/\``,
      `Plan file: \`.plans/${pr}/plan.json\` (${built.tasks.length} task${built.tasks.length === 1 ? '' : 's'})`,
      ...(built.placeholders.length > 0 ? [`Verify to fill: ${built.placeholders.join(', ')}`] : []),
      next ? `Next: delegate \`${next}\` and verify.` : 'Next: every task is done; archive the change.',
    ],
  });
  return {
    change: paths.name,
    pr,
    planFile: repoPath(layout, planPath),
    contextFile: repoPath(layout, contextPath),
    context,
    masterFile: repoPath(layout, masterPath),
    plan: check.plan,
    verify,
    placeholders: built.placeholders,
    warnings: [...verifyWarnings, ...built.warnings],
  };
}
