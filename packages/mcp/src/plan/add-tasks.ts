import { link, mkdir, rm, writeFile } from 'node:fs/promises';
import { UsageError } from '@planwright/cli-kit';
import { stringifyJson, timestamp, updatePlan, withFileLock, type Plan } from '@planwright/plan-schema';
import type { PrPaths } from '../server/context.js';
import type { NewTask } from './task-fields.js';

export interface AddTasksOptions {
  paths: PrPaths;
  tasks: NewTask[];
  /** The goal of a plan that does not exist yet: with it, the plan is created; without it, that is an error. */
  goal?: string;
}

export interface AddTasksResult {
  plan: string;
  created: boolean;
  added: string[];
  tasks: number;
}

/**
 * Appends tasks to a plan under the plan lock (status `pending`), validated with the whole plan: a
 * duplicate id, a dependency on no task or a cycle refuses the call and writes nothing. With `goal`, a
 * missing plan.json is created first.
 */
export async function addTasks(options: AddTasksOptions): Promise<AddTasksResult> {
  const { paths } = options;
  const created = options.goal === undefined ? false : await createPlan(paths, options.goal);
  const { plan } = await updatePlan(
    paths.file,
    (plan: Plan) => {
      for (const task of options.tasks) {
        if (plan.tasks.some((existing) => existing.id === task.id)) {
          throw new UsageError(`${paths.label}: tasks: id ${JSON.stringify(task.id)} already exists`, { hint: 'pick a new id, or change the task with update_task' });
        }
        plan.tasks.push({ ...withoutNulls(task), status: 'pending' } as Plan['tasks'][number]);
      }
    },
    { label: paths.label },
  );
  return { plan: paths.label, created, added: options.tasks.map((task) => task.id), tasks: plan.tasks.length };
}

/** Creates `{ goal, created_at, tasks: [] }` when there is no plan yet; true when this call made it. */
async function createPlan(paths: PrPaths, goal: string): Promise<boolean> {
  await mkdir(paths.planDir, { recursive: true });
  return withFileLock(paths.file, async () => {
    const temp = `${paths.file}.${process.pid}.new`;
    await writeFile(temp, stringifyJson({ goal, created_at: timestamp(), tasks: [] }));
    try {
      // link() fails when plan.json exists: an existing plan is never replaced.
      await link(temp, paths.file);
      return true;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
      throw error;
    } finally {
      await rm(temp, { force: true });
    }
  });
}

function withoutNulls(task: NewTask): Record<string, unknown> {
  return Object.fromEntries(Object.entries(task).filter(([, value]) => value !== null && value !== undefined));
}
