import { commitTask, headSha } from '@planwright/git-ops';
import type { Results, Task } from '@planwright/plan-schema';
import { serialized } from './git-lock.js';

/**
 * One commit for a verified task, `<task id>: <title>`, and the head before and after. In a worktree the
 * whole tree is the task's; in a shared checkout only the files the task named (its results'
 * files_changed and its expected_files), so that tasks running beside it are not swept into its commit.
 */
export async function commitWork(options: { codeDir: string; task: Task; results?: Results; wholeTree: boolean; env?: NodeJS.ProcessEnv }): Promise<{ before: string; after: string } | undefined> {
  return serialized(options.codeDir, async () => {
    const before = (await headSha({ cwd: options.codeDir, env: options.env })) ?? '';
    const named = [...(options.results?.files_changed ?? []), ...(options.task.expected_files ?? [])];
    const paths = options.wholeTree || named.length === 0 ? undefined : [...new Set(named)];
    const result = await commitTask({ cwd: options.codeDir, taskId: options.task.id, title: options.task.title, paths, env: options.env });
    return result.committed ? { before, after: result.sha } : undefined;
  }, options.env);
}
