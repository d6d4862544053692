import { dirname, join } from 'node:path';
import { changedBetween, commitTask, headSha, repoRoot, runGit, snapshotWorkTree } from '@planwright/git-ops';
import type { Results, Task } from '@planwright/plan-schema';
import { attribute } from './attribution.js';
import { serialized } from './git-lock.js';
import { closeWindow, nameFiles, openWindow, overlapping, type TaskWindow } from './task-windows.js';

export interface CommitWorkOptions {
  codeDir: string;
  task: Task;
  results?: Results;
  /** In a worktree the whole tree is the task's. */
  wholeTree: boolean;
  /** In the shared checkout: the task's window (see openTaskWindow), which says what changed while it ran. */
  window?: TaskWindow;
  /** The folders that are never a task's work (see excludedFolders). */
  excluded?: string[];
  env?: NodeJS.ProcessEnv;
}

export interface CommitWorkResult {
  /** The head before and after the commit; none when there was nothing to commit. */
  commit?: { before: string; after: string };
  /** Files the task changed that no commit took (another task running beside it names them too). */
  uncommitted: { file: string; tasks: string[] }[];
}

/**
 * One commit for a verified task, `<task id>: <title>`. In a worktree the whole tree is the task's. In
 * the shared checkout, every file that changed while the task ran (a snapshot of the tree before its
 * agent started against one now, so also files outside expected_files), except the plan and run folders
 * and files that another task running at the same time names; files both name are left and reported.
 */
export async function commitWork(options: CommitWorkOptions): Promise<CommitWorkResult> {
  const { codeDir, task, env } = options;
  return serialized(
    codeDir,
    async () => {
      const before = (await headSha({ cwd: codeDir, env })) ?? '';
      const done = async (paths: string[] | undefined) => {
        // Exact file names (a name may hold `*` or `:`), not pathspecs.
        const literal = paths ? { ...env, GIT_LITERAL_PATHSPECS: '1' } : env;
        const result = await commitTask({ cwd: codeDir, taskId: task.id, title: task.title, paths, env: literal, listFiles: false });
        return result.committed ? { before, after: result.sha } : undefined;
      };
      if (options.wholeTree || !options.window) return { commit: await done(undefined), uncommitted: [] };
      const window = options.window;
      await nameFiles(window, options.results?.files_changed ?? []);
      const root = await repoRoot({ cwd: codeDir, env });
      const excluded = notWork(root, options.excluded);
      const changed = await changedBetween({ cwd: root, env, from: window.before, to: await snapshotWorkTree({ cwd: root, env, exclude: excluded }) });
      const split = attribute({ changed, window, others: await overlapping(window), root, codeDir, excluded });
      const commit = split.mine.length > 0 ? await done(split.mine.map((file) => join(root, file))) : undefined;
      // Reported only while they still differ from the new head: a file another task committed is settled.
      const dirty = await dirtyFiles(root, split.shared.map((entry) => entry.file), env);
      return { commit, uncommitted: split.shared.filter((entry) => dirty.has(entry.file)) };
    },
    env,
  );
}

/**
 * Snapshots the shared checkout before a task's agent starts and opens its window (see task-windows.ts);
 * undefined when no commit will need it (no --commit, or a worktree of its own).
 */
export async function openTaskWindow(options: { task: Task; codeDir: string; enabled: boolean; excluded: string[]; env?: NodeJS.ProcessEnv }): Promise<TaskWindow | undefined> {
  if (!options.enabled) return undefined;
  const root = await repoRoot({ cwd: options.codeDir, env: options.env });
  return openWindow({ ...options, before: await snapshotWorkTree({ cwd: root, env: options.env, exclude: notWork(root, options.excluded) }) });
}

/** What both snapshots leave out: the repository's `.plans/` and the given folders. */
function notWork(root: string, excluded: string[] = []): string[] {
  return [join(root, '.plans'), ...excluded];
}

export { closeWindow };

/**
 * What is never a task's work: `.plans/` (of the repository and of the code dir), the plan file with its
 * lock and MASTER.md (wherever --plan put them; not their whole folder, which may hold code) and the
 * PR's run folders (wherever --run-root put them).
 */
export function excludedFolders(run: { planFile: string; codeDir: string; layout: { runDir: string } }): string[] {
  const planDir = dirname(run.planFile);
  return [join(run.codeDir, '.plans'), run.planFile, `${run.planFile}.lock`, join(planDir, 'MASTER.md'), dirname(run.layout.runDir)];
}

async function dirtyFiles(root: string, files: string[], env: NodeJS.ProcessEnv | undefined): Promise<Set<string>> {
  if (files.length === 0) return new Set();
  const { stdout } = await runGit(['status', '--porcelain', '-z', '--no-renames', '--untracked-files=all', '--', ...files], { cwd: root, env: { ...env, GIT_LITERAL_PATHSPECS: '1' } });
  return new Set(stdout.split('\0').filter(Boolean).map((entry) => entry.slice(3)));
}
