/** What a notification is about. */
export type NotifyEventName = 'task_blocked' | 'task_paused' | 'run_finished' | 'budget_80';

/** The events, in the order the docs list them. */
export const NOTIFY_EVENTS: readonly NotifyEventName[] = ['task_blocked', 'task_paused', 'run_finished', 'budget_80'];

/** One event as the callers give it (the notifier adds the PR and the run folder). */
export interface NotifyEvent {
  event: NotifyEventName;
  task_id?: string;
  /** Why: the blocked reason, the limit hit, why the run stopped, the budget and its spend. */
  reason?: string;
  /** For task_paused: when the task resumes (RFC 3339). */
  until?: string;
}

/** The event with the run's context: what every target is filled from. */
export interface NotifyMessage extends NotifyEvent {
  pr: string;
  run_dir: string;
  /** RFC 3339. */
  at: string;
}

const TITLES: Record<NotifyEventName, string> = {
  task_blocked: 'task blocked',
  task_paused: 'task paused',
  run_finished: 'run finished',
  budget_80: 'budget at 80%',
};

/** `planwright pr-42: task blocked` */
export function messageTitle(message: NotifyMessage): string {
  return `planwright ${message.pr}: ${TITLES[message.event]}`;
}

/** One line a person reads on a phone: `task_002 blocked: timeout · /runs/pr-42/2026...`. */
export function messageText(message: NotifyMessage): string {
  const subject = message.task_id ? `${message.task_id} ` : '';
  const what = message.event === 'task_paused' && message.until ? `paused until ${message.until}` : TITLES[message.event];
  return `${messageTitle(message).split(': ')[0]}: ${subject}${what}${message.reason ? `: ${message.reason}` : ''} · ${message.run_dir}`;
}

/** The placeholders of a command template, filled in (absent values are empty). */
export function placeholderValues(message: NotifyMessage): Record<string, string> {
  return { event: message.event, task_id: message.task_id ?? '', reason: message.reason ?? '', pr: message.pr, run_dir: message.run_dir };
}
