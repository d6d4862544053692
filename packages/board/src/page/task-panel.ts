import type { TaskDetail } from '../state/task-detail.js';
import { control, fetchTask, followTaskLog, withToken } from './api.js';
import { fill, formatDuration, formatNumber, h } from './dom.js';

const MAX_LOG_CHARS = 200_000;

/**
 * The panel of one task: brief, agent and session, the live log tail (streamed), verify output, results,
 * tokens and cost, commit and diff; the control buttons when the board allows them.
 */
export class TaskPanel {
  private taskId: string | undefined;
  private log: EventSource | undefined;
  private lastStatus = '';

  constructor(private readonly host: HTMLElement, private readonly say: (message: string) => void) {}

  get current(): string | undefined {
    return this.taskId;
  }

  async open(id: string, allowControl: boolean): Promise<void> {
    this.close();
    this.taskId = id;
    const detail = await fetchTask(id).catch((error: Error) => error);
    if (this.taskId !== id) return;
    if (detail instanceof Error) return fill(this.host, h('p', { class: 'problem' }, detail.message));
    this.lastStatus = detail.status;
    const logView = h('pre', { class: 'log', 'data-task': id });
    const raw = detail.log?.href ? h('a', { href: withToken(detail.log.href), target: '_blank', rel: 'noopener' }, 'whole log') : null;
    fill(this.host, ...this.render(detail, allowControl), h('h3', {}, 'Agent log (live) ', raw), logView);
    this.log = followTaskLog(id, (text, reset) => {
      logView.textContent = (reset ? text : (logView.textContent ?? '') + text).slice(-MAX_LOG_CHARS);
      logView.scrollTop = logView.scrollHeight;
    });
  }

  /** A new state: the panel's task changed status, so its verify output and results may have too. */
  refresh(status: string | undefined, allowControl: boolean): void {
    if (!this.taskId || status === undefined || status === this.lastStatus) return;
    void this.open(this.taskId, allowControl);
  }

  close(): void {
    this.log?.close();
    this.log = undefined;
    this.taskId = undefined;
  }

  private render(detail: TaskDetail, allowControl: boolean): Node[] {
    const usage = detail.usage;
    const field = (name: string, value: string) => h('div', { class: 'field' }, h('span', { class: 'name' }, name), h('span', { class: 'value', 'data-field': name }, value));
    return [
      h('h2', {}, `${detail.task_id}: ${detail.title}`),
      field('status', detail.status + (detail.blocked_reason ? ` (${detail.blocked_reason})` : '')),
      field('agent', detail.agent ?? '-'),
      field('session', detail.thread_id ?? '-'),
      field('time', `${formatDuration(detail.duration_ms)}${detail.attempts ? ` · ${detail.attempts} attempt${detail.attempts === 1 ? '' : 's'}` : ''}`),
      field('tokens', `in ${formatNumber(usage?.input_tokens)} / out ${formatNumber(usage?.output_tokens)}${usage?.cost_usd !== undefined ? ` · $${usage.cost_usd.toFixed(4)}` : ''}`),
      field('results', detail.results ? `${detail.results.state}${detail.results.status ? ` ${detail.results.status}` : ''}${detail.results.summary ? `: ${detail.results.summary}` : ''}` : '-'),
      allowControl ? this.buttons(detail.task_id) : null,
      h('h3', {}, 'Brief'),
      h('pre', { class: 'brief' }, detail.brief || '-'),
      h('h3', {}, 'Verify output'),
      h('pre', { class: 'verify' }, detail.verify?.output ?? 'not verified yet'),
      h('h3', {}, 'Commit'),
      h('pre', { class: 'diff' }, detail.commit ? `${detail.commit.before.slice(0, 10)}..${detail.commit.after.slice(0, 10)}\n${detail.commit.diff}${detail.commit.truncated ? '\n… (cut)' : ''}` : 'no commit recorded'),
    ].filter((node): node is HTMLElement => node !== null);
  }

  private buttons(id: string): HTMLElement {
    const button = (action: string, label: string, task?: string) => {
      const element = h('button', { type: 'button', 'data-action': action }, label);
      element.addEventListener('click', () => control(action, task).then(() => this.say(`${label}: done`), (error: Error) => this.say(`${label}: ${error.message}`)));
      return element;
    };
    return h('div', { class: 'controls' }, button('verify', 'Verify', id), button('mark-verified', 'Mark verified', id), button('run-next', 'Run next'), button('stop', 'Stop run'));
  }
}
