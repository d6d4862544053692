/** Status colours, shared by the graph, the legend and the totals. */
export const STATUS_COLORS: Record<string, string> = {
  pending: '#d0d7de',
  in_progress: '#54aeff',
  agent_done: '#d4a72c',
  done: '#4ac26b',
  deferred: '#a0a0a0',
  blocked: '#ff8182',
  paused: '#c297ff',
};

/** A status's colour; an unknown one (from a newer kit) is grey. */
export function statusColor(status: string): string {
  return STATUS_COLORS[status] ?? '#a0a0a0';
}
