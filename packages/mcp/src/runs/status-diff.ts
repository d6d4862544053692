/** Each task's status, by id. */
export type Statuses = Record<string, string>;

/** A task whose status moved (`from` null: the task is new). */
export interface StatusChange {
  id: string;
  from: string | null;
  to: string;
}

/** The tasks whose status differs between two snapshots, in the plan's order. */
export function diffStatuses(before: Statuses, after: Statuses): StatusChange[] {
  return Object.entries(after)
    .filter(([id, status]) => before[id] !== status)
    .map(([id, status]) => ({ id, from: before[id] ?? null, to: status }));
}
