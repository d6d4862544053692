import type { Task } from '../schemas/task.js';

/**
 * The dependency graph of a plan's tasks, by index: what each task depends on, what depends on it, and a
 * topological order (dependencies first). Unknown dependency ids are left out (validation reports them).
 */
export interface DependencyGraph {
  ids: string[];
  indexOf: Map<string, number>;
  dependsOn: number[][];
  dependents: number[][];
  /** Dependencies before dependents; ties in id order. Tasks on or behind a cycle are missing. */
  order: number[];
  /** Indexes left out of `order` because they sit on or behind a cycle. */
  cyclic: number[];
}

export function buildDependencyGraph(tasks: readonly Pick<Task, 'id' | 'depends_on'>[]): DependencyGraph {
  const ids = tasks.map((task) => task.id);
  const indexOf = new Map<string, number>();
  ids.forEach((id, index) => {
    if (!indexOf.has(id)) indexOf.set(id, index);
  });
  const dependsOn = tasks.map((task) => {
    const deps = new Set<number>();
    for (const dep of task.depends_on ?? []) {
      const index = indexOf.get(dep);
      if (index !== undefined) deps.add(index);
    }
    return [...deps];
  });
  const dependents: number[][] = ids.map(() => []);
  dependsOn.forEach((deps, index) => deps.forEach((dep) => dependents[dep]!.push(index)));
  const { order, cyclic } = topologicalOrder(ids, dependsOn, dependents);
  return { ids, indexOf, dependsOn, dependents, order, cyclic };
}

function topologicalOrder(ids: string[], dependsOn: number[][], dependents: number[][]) {
  const waiting = dependsOn.map((deps) => deps.length);
  let ready = ids.map((_, index) => index).filter((index) => waiting[index] === 0);
  const order: number[] = [];
  // Layer by layer, each layer in id order, so the order is stable whatever the file order.
  while (ready.length > 0) {
    ready.sort((a, b) => compareIds(ids[a]!, ids[b]!));
    order.push(...ready);
    const next: number[] = [];
    for (const index of ready) {
      for (const dependent of dependents[index]!) {
        if (--waiting[dependent]! === 0) next.push(dependent);
      }
    }
    ready = next;
  }
  const placed = new Set(order);
  const cyclic = ids.map((_, index) => index).filter((index) => !placed.has(index));
  return { order, cyclic };
}

/** Task ids sort by code point, as the Python kit sorted them. */
export function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * One dependency cycle among the given tasks, as ids with the first repeated at the end
 * (`a -> b -> a`), or undefined. Every task on or behind a cycle has a dependency that is too, so
 * following those from any of them must come back to a task already seen.
 */
export function findCycle(graph: DependencyGraph): string[] | undefined {
  if (graph.cyclic.length === 0) return undefined;
  const remaining = new Set(graph.cyclic);
  const seenAt = new Map<number, number>();
  const walk: number[] = [];
  let current = Math.min(...graph.cyclic);
  while (!seenAt.has(current)) {
    seenAt.set(current, walk.length);
    walk.push(current);
    current = graph.dependsOn[current]!.find((dep) => remaining.has(dep))!;
  }
  const cycle = walk.slice(seenAt.get(current));
  // Walking went dependent -> dependency; show it the way people read plans: a needs b needs a.
  return [...cycle, current].map((index) => graph.ids[index]!);
}
