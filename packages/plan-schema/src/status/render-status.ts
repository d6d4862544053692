import { formatCounts, type PlanSummary } from './summary.js';

const MAX_TITLE = 60;
const MAX_DEPS = 30;

/**
 * The compact status view a planner reads into its context: the goal, one row per task (id, status,
 * domain, deps, title), the counts, what can run next, why tasks are blocked, and until when tasks are paused.
 */
export function renderStatus(summary: PlanSummary): string {
  // The agent, time and token columns appear once the orchestrator has recorded any.
  const accounted = summary.tasks.some((task) => task.duration_ms !== null || task.input_tokens !== null || task.agent !== null);
  const header = ['id', 'status', 'domain', 'deps', ...(accounted ? ['agent', 'time', 'tokens'] : []), 'title'];
  const rows = summary.tasks.map((task) => [
    task.id,
    task.status,
    task.domain ?? '-',
    cut(task.depends_on.join(',') || '-', MAX_DEPS),
    ...(accounted ? [task.agent ?? '-', task.duration_ms === null ? '-' : duration(task.duration_ms), tokens(task)] : []),
    cut(task.title, MAX_TITLE),
  ]);
  const widths = header.map((_, column) => Math.max(...[header, ...rows].map((row) => row[column]!.length)));
  const line = (row: string[]) => row.map((cell, column) => (column < row.length - 1 ? cell.padEnd(widths[column]!) : cell)).join('  ').trimEnd();
  const out: string[] = [];
  if (summary.goal) out.push(`goal: ${cut(summary.goal, 120)}`);
  out.push(line(header), ...rows.map(line), '', formatCounts(summary));
  out.push(`runnable: ${summary.runnable.length ? summary.runnable.join(', ') : 'none'}`);
  for (const blocked of summary.blocked) out.push(`blocked ${blocked.id}: ${blocked.reason ?? 'no reason recorded'}`);
  for (const paused of summary.paused) out.push(`paused ${paused.id} until ${paused.until ?? 'unknown'}: ${paused.reason ?? 'usage limit'}`);
  for (const task of summary.tasks) if (task.placement) out.push(`${task.id} ${placementText(task.placement)}`);
  if (summary.critical_path.length > 1) out.push(`critical path: ${summary.critical_path.join(' -> ')}`);
  if (accounted) out.push(totalsLine(summary));
  return out.join('\n');
}

/** `on w1@build-3, attempt 2`: where a task of a run on workers runs (the attempt grows after a worker died). */
export function placementText(placement: NonNullable<PlanSummary['tasks'][number]['placement']>): string {
  const where = placement.host ? `${placement.worker}@${placement.host}` : placement.worker;
  return `on ${where}${placement.attempt === null ? '' : `, attempt ${placement.attempt}`}`;
}

function totalsLine({ totals }: PlanSummary): string {
  const parts = [`totals: ${duration(totals.duration_ms)} of agent time`, `${compact(totals.input_tokens)} in / ${compact(totals.output_tokens)} out tokens`];
  if (totals.cost_usd > 0) parts.push(`$${totals.cost_usd.toFixed(2)}`);
  parts.push(`${totals.attempts} attempt${totals.attempts === 1 ? '' : 's'}`);
  // Reminder turns show that agents forget the handshake (see --handshake-reminders).
  if (totals.handshake_reminders > 0) parts.push(`${totals.handshake_reminders} handshake reminder${totals.handshake_reminders === 1 ? '' : 's'}`);
  return parts.join(' · ');
}

function tokens(task: PlanSummary['tasks'][number]): string {
  if (task.input_tokens === null && task.output_tokens === null) return '-';
  return `${compact(task.input_tokens ?? 0)}/${compact(task.output_tokens ?? 0)}`;
}

/** 1234 -> 1.2k, 1234567 -> 1.2M: a planner needs the size, not the digits. */
function compact(value: number): string {
  if (value >= 1_000_000) return `${(value / 1_000_000).toFixed(1)}M`;
  if (value >= 1_000) return `${(value / 1_000).toFixed(1)}k`;
  return String(value);
}

function duration(ms: number): string {
  const seconds = Math.round(ms / 1000);
  if (seconds < 60) return `${seconds}s`;
  const minutes = Math.floor(seconds / 60);
  return minutes < 60 ? `${minutes}m${String(seconds % 60).padStart(2, '0')}s` : `${Math.floor(minutes / 60)}h${String(minutes % 60).padStart(2, '0')}m`;
}

function cut(text: string, max: number): string {
  const single = text.replace(/\s+/g, ' ').trim();
  return single.length > max ? `${single.slice(0, max - 1)}…` : single;
}
