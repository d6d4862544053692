import { formatCounts, type PlanSummary } from './summary.js';

const MAX_TITLE = 60;
const MAX_DEPS = 30;

/**
 * The compact status view a planner reads into its context: the goal, one row per task (id, status,
 * domain, deps, title), the counts, what can run next, and why tasks are blocked.
 */
export function renderStatus(summary: PlanSummary): string {
  const header = ['id', 'status', 'domain', 'deps', 'title'];
  const rows = summary.tasks.map((task) => [
    task.id,
    task.status,
    task.domain ?? '-',
    cut(task.depends_on.join(',') || '-', MAX_DEPS),
    cut(task.title, MAX_TITLE),
  ]);
  const widths = header.map((_, column) => Math.max(...[header, ...rows].map((row) => row[column]!.length)));
  const line = (row: string[]) => row.map((cell, column) => (column < row.length - 1 ? cell.padEnd(widths[column]!) : cell)).join('  ').trimEnd();
  const out: string[] = [];
  if (summary.goal) out.push(`goal: ${cut(summary.goal, 120)}`);
  out.push(line(header), ...rows.map(line), '', formatCounts(summary));
  out.push(`runnable: ${summary.runnable.length ? summary.runnable.join(', ') : 'none'}`);
  for (const blocked of summary.blocked) out.push(`blocked ${blocked.id}: ${blocked.reason ?? 'no reason recorded'}`);
  if (summary.critical_path.length > 1) out.push(`critical path: ${summary.critical_path.join(' -> ')}`);
  return out.join('\n');
}

function cut(text: string, max: number): string {
  const single = text.replace(/\s+/g, ' ').trim();
  return single.length > max ? `${single.slice(0, max - 1)}…` : single;
}
