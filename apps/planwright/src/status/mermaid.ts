import { taskStatus, type Plan, type TaskStatus } from '@planwright/plan-schema';

const STYLE: Record<TaskStatus, string> = {
  pending: 'fill:#f5f5f5,stroke:#9e9e9e',
  in_progress: 'fill:#e3f2fd,stroke:#1565c0',
  agent_done: 'fill:#fff8e1,stroke:#f9a825',
  done: 'fill:#e8f5e9,stroke:#2e7d32',
  deferred: 'fill:#eceff1,stroke:#607d8b,stroke-dasharray: 4 2',
  blocked: 'fill:#ffebee,stroke:#c62828',
  paused: 'fill:#f3e5f5,stroke:#6a1b9a,stroke-dasharray: 2 2',
};

/**
 * The plan's dependency graph as a Mermaid flowchart: one subgraph per domain, an arrow from each
 * dependency to its dependent, and the status as the node's class (so a rendered graph shows at a glance
 * what is done, running and blocked).
 *
 * @example
 * console.log(mermaidGraph(await loadPlan('.plans/pr-42/plan.json')));
 */
export function mermaidGraph(plan: Plan): string {
  const ids = new Map(plan.tasks.map((task, index) => [task.id, nodeId(task.id, index)]));
  const node = (task: Plan['tasks'][number]) => `${ids.get(task.id)}["${label(`${task.id}: ${task.title ?? ''}`.trim().replace(/:$/, ''))}"]:::${taskStatus(task)}`;
  const lines = ['flowchart TD'];
  const domains = [...new Set(plan.tasks.map((task) => task.domain).filter((domain): domain is string => Boolean(domain)))];
  domains.forEach((domain, index) => {
    lines.push(`  subgraph domain_${index}["${label(domain)}"]`);
    for (const task of plan.tasks.filter((candidate) => candidate.domain === domain)) lines.push(`    ${node(task)}`);
    lines.push('  end');
  });
  for (const task of plan.tasks.filter((candidate) => !candidate.domain)) lines.push(`  ${node(task)}`);
  for (const task of plan.tasks) for (const dep of task.depends_on ?? []) lines.push(`  ${ids.get(dep)} --> ${ids.get(task.id)}`);
  for (const status of Object.keys(STYLE) as TaskStatus[]) lines.push(`  classDef ${status} ${STYLE[status]}`);
  return `${lines.join('\n')}\n`;
}

/** Task ids may hold `.` and `-`, which Mermaid ids do not like; the index keeps them distinct. */
function nodeId(id: string, index: number): string {
  return `t${index}_${id.replace(/[^A-Za-z0-9_]/g, '_')}`;
}

/** Text inside a quoted Mermaid label: its quotes and brackets as entities, kept on one line. */
function label(text: string): string {
  return text.replace(/\s+/g, ' ').replace(/"/g, '#quot;').replace(/[[\]]/g, (bracket) => (bracket === '[' ? '#91;' : '#93;'));
}
