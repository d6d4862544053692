import type { Plan } from '../schemas/plan.js';
import type { Task, TaskStatus } from '../schemas/task.js';
import { buildDependencyGraph, compareIds } from './dependency-graph.js';

/** A task's status; a task written without one is pending. */
export function taskStatus(task: Pick<Task, 'status'>): TaskStatus {
  return task.status ?? 'pending';
}

/** Done and deferred tasks need no more work. */
export function isFinished(task: Pick<Task, 'status'>): boolean {
  const status = taskStatus(task);
  return status === 'done' || status === 'deferred';
}

/**
 * The tasks that can start now: pending (or paused, to resume after their reset), with every dependency
 * done (verified; `agent_done` is not enough). Sorted by id, the order the orchestrator launches them in.
 *
 * @example
 * const [next] = runnableTasks(await loadPlan(file));
 */
export function runnableTasks(plan: Pick<Plan, 'tasks'>): Task[] {
  const statusById = new Map(plan.tasks.map((task) => [task.id, taskStatus(task)]));
  return plan.tasks
    .filter(
      (task) =>
        (taskStatus(task) === 'pending' || taskStatus(task) === 'paused') && (task.depends_on ?? []).every((dep) => statusById.get(dep) === 'done'),
    )
    .sort((a, b) => compareIds(a.id, b.id));
}

/**
 * The tasks in topological layers: wave 0 depends on nothing, wave n on tasks of earlier waves only
 * (at least one of wave n-1). Each wave is sorted by id. The plan must be valid (no cycle).
 */
export function planWaves(plan: Pick<Plan, 'tasks'>): string[][] {
  const graph = buildDependencyGraph(plan.tasks);
  const level: number[] = new Array(graph.ids.length).fill(0);
  const waves: string[][] = [];
  for (const index of graph.order) {
    const deps = graph.dependsOn[index]!;
    level[index] = deps.length === 0 ? 0 : 1 + Math.max(...deps.map((dep) => level[dep]!));
    (waves[level[index]!] ??= []).push(graph.ids[index]!);
  }
  return waves.map((wave) => wave.sort(compareIds));
}

/**
 * The longest chain of dependent tasks still to finish (not done or deferred), first task first: the
 * least number of agent turns, one after another, the rest of the plan needs. Ties go to the lower ids.
 */
export function criticalPath(plan: Pick<Plan, 'tasks'>): string[] {
  const graph = buildDependencyGraph(plan.tasks);
  const open = plan.tasks.map((task) => !isFinished(task));
  const length: number[] = new Array(graph.ids.length).fill(0);
  const previous: number[] = new Array(graph.ids.length).fill(-1);
  let end = -1;
  for (const index of graph.order) {
    if (!open[index]) continue;
    let best = -1;
    for (const dep of graph.dependsOn[index]!) {
      if (!open[dep]) continue;
      if (best === -1 || length[dep]! > length[best]! || (length[dep] === length[best] && dep < best)) best = dep;
    }
    length[index] = 1 + (best === -1 ? 0 : length[best]!);
    previous[index] = best;
    if (end === -1 || length[index]! > length[end]!) end = index;
  }
  const path: string[] = [];
  for (let index = end; index !== -1; index = previous[index]!) path.push(graph.ids[index]!);
  return path.reverse();
}

/**
 * The document of `next --json` (and of the MCP `next` tool): the runnable tasks with what a planner needs
 * to hand them out.
 */
export function nextDocument(plan: Plan): { runnable: { id: string; title: string; domain: string | null; depends_on: string[]; verify: string[] }[] } {
  return {
    runnable: runnableTasks(plan).map((task) => ({
      id: task.id,
      title: task.title ?? '',
      domain: task.domain ?? null,
      depends_on: task.depends_on ?? [],
      verify: task.verify ?? [],
    })),
  };
}
