import { buildDependencyGraph, findCycle } from '../graph/dependency-graph.js';
import type { Task } from '../schemas/task.js';
import type { PlanProblem } from './problem.js';

/** Problems a schema cannot see: duplicate ids, dependencies on unknown tasks, cycles. */
export function checkTaskGraph(tasks: readonly Task[]): PlanProblem[] {
  const problems: PlanProblem[] = [];
  const firstIndex = new Map<string, number>();
  tasks.forEach((task, index) => {
    const first = firstIndex.get(task.id);
    if (first === undefined) firstIndex.set(task.id, index);
    else {
      problems.push({
        path: `tasks[${index}].id`,
        message: `duplicate id "${task.id}" (also tasks[${first}])`,
        hint: 'give every task its own id',
      });
    }
  });
  tasks.forEach((task, index) => {
    task.depends_on?.forEach((dep, depIndex) => {
      const path = `tasks[${index}].depends_on[${depIndex}]`;
      if (dep === task.id) {
        problems.push({ path, message: `task "${task.id}" depends on itself`, hint: 'remove it from depends_on' });
      } else if (!firstIndex.has(dep)) {
        problems.push({ path, message: `no task has the id "${dep}"`, hint: 'fix the id or remove it from depends_on' });
      }
    });
  });
  if (problems.length > 0) return problems;
  const cycle = findCycle(buildDependencyGraph(tasks));
  if (cycle) {
    problems.push({
      path: `tasks[${firstIndex.get(cycle[0]!)}].depends_on`,
      message: `dependency cycle: ${cycle.join(' -> ')} (each needs the next)`,
      hint: 'remove one of these dependencies',
    });
  }
  return problems;
}
