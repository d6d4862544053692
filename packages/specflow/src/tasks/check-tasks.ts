import { diagnostic, type Diagnostic } from '../diagnostics.js';
import type { TaskItem } from './parse-tasks.js';

/** The tasks of a tasks.md with their dependencies resolved to indexes, and what is wrong with them. */
export interface CheckedTasks {
  /** For each task, the indexes of the tasks it depends on. */
  dependsOn: number[][];
  diagnostics: Diagnostic[];
}

/** The plan id of the task at `index`: `task_001` for the first. */
export function taskId(index: number): string {
  return `task_${String(index + 1).padStart(3, '0')}`;
}

/**
 * Resolves each task's dependencies: its `(depends on ...)` clauses and `Depends on:` lines, and, for a
 * spec-kit line without `[P]`, the task before it in its phase. Finds what plan.json would reject or
 * misread: no task at all, a number used twice, a dependency on no task, a cycle. `file` is the
 * repository path of tasks.md, for the findings.
 */
export function checkTasks(tasks: TaskItem[], file: string): CheckedTasks {
  const diagnostics: Diagnostic[] = [];
  if (tasks.length === 0) {
    diagnostics.push(diagnostic('TASKS_EMPTY', { file, message: 'no tasks found: no "- [ ] ..." line' }));
    return { dependsOn: [], diagnostics };
  }
  const byRef = new Map<string, number>();
  tasks.forEach((task, index) => {
    if (task.ref === undefined) return;
    const key = task.ref.toLowerCase();
    const first = byRef.get(key);
    if (first === undefined) byRef.set(key, index);
    else {
      const message = `task number "${task.ref}" is used twice (also line ${tasks[first]!.line})`;
      diagnostics.push(diagnostic('TASK_DUPLICATE_REF', { file, line: task.line, message }));
    }
  });
  const dependsOn = tasks.map((task, index) => {
    const found: number[] = [];
    for (const dependency of task.dependencies) {
      const index = resolveRef(dependency.ref, byRef, tasks.length);
      if (index === undefined) {
        const message = `"${task.title}" depends on "${dependency.ref}", which is no task of this file`;
        diagnostics.push(diagnostic('TASK_UNKNOWN_DEPENDENCY', { file, line: dependency.line, message }));
      } else if (!found.includes(index)) found.push(index);
    }
    // spec-kit: a task without [P] runs after the task before it in its phase; [P] tasks need not wait.
    const previous = tasks[index - 1];
    const waits = task.style === 'spec-kit' && !task.parallel && previous !== undefined && samePhase(previous, task);
    if (waits && !found.includes(index - 1)) found.push(index - 1);
    return found;
  });
  const cycle = findCycle(dependsOn);
  if (cycle) {
    const names = cycle.map((index) => tasks[index]!.ref ?? taskId(index));
    const message = `dependency cycle: ${names.join(' -> ')}`;
    diagnostics.push(diagnostic('TASK_DEPENDENCY_CYCLE', { file, line: tasks[cycle[0]!]!.line, message }));
  }
  return { dependsOn, diagnostics };
}

// Tasks under the same group heading (or both before any heading).
function samePhase(a: TaskItem, b: TaskItem): boolean {
  return a.groupLine === b.groupLine;
}

function resolveRef(ref: string, byRef: Map<string, number>, count: number): number | undefined {
  const own = byRef.get(ref.replace(/\.$/, '').toLowerCase());
  if (own !== undefined) return own;
  const planId = /^task_(\d+)$/i.exec(ref);
  const index = planId ? Number(planId[1]) - 1 : -1;
  return index >= 0 && index < count ? index : undefined;
}

/** The first cycle found, as indexes from a task back to itself, or undefined. */
function findCycle(edges: number[][]): number[] | undefined {
  const state = new Array<0 | 1 | 2>(edges.length).fill(0);
  const stack: number[] = [];
  const visit = (node: number): number[] | undefined => {
    state[node] = 1;
    stack.push(node);
    for (const next of edges[node]!) {
      if (state[next] === 1) return [...stack.slice(stack.indexOf(next)), next];
      if (state[next] === 0) {
        const cycle = visit(next);
        if (cycle) return cycle;
      }
    }
    stack.pop();
    state[node] = 2;
    return undefined;
  };
  for (let node = 0; node < edges.length; node += 1) {
    const cycle = state[node] === 0 ? visit(node) : undefined;
    if (cycle) return cycle;
  }
  return undefined;
}
