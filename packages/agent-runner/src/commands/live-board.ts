import { statSync } from 'node:fs';
import type { CliIo } from '@planwright/cli-kit';
import type { OrchestratorEvent } from '../orchestrate/options.js';

interface Running {
  agent: string;
  startedAt: number;
  /** The agent's log here; none for a task on a worker (its log is on that machine). */
  logPath?: string;
}

/**
 * While `run` works in a terminal: one live line per running task (task, agent, elapsed, time since its
 * last output), redrawn every second under the progress lines, which keep scrolling above it. The last
 * output time is the agent log's modification time, so the board needs nothing from the agent itself.
 */
export class LiveBoard {
  private readonly running = new Map<string, Running>();
  private drawn = 0;
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly io: CliIo & { write(text: string): void },
    private readonly now: () => number = Date.now,
  ) {}

  start(): void {
    this.timer = setInterval(() => this.redraw(), 1_000);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.clear();
  }

  /** Follows the orchestrator's events; `print` writes a progress line above the board. */
  observe(event: OrchestratorEvent): void {
    if (event.type === 'task-started' && !event.noWait) this.running.set(event.taskId, { agent: event.agent ?? 'agent', startedAt: this.now(), logPath: event.logPath });
    // A task on a worker: from when a worker took it (again, for a later attempt, keeping its start).
    if (event.type === 'placed') this.running.set(event.taskId, { agent: `on ${event.worker}@${event.host}, attempt ${event.attempt}`, startedAt: this.running.get(event.taskId)?.startedAt ?? this.now() });
    if (event.type === 'task-finished') this.running.delete(event.outcome.taskId);
    this.redraw();
  }

  /** A progress line, printed above the board. */
  print(line: string): void {
    this.clear();
    this.io.out(line);
    this.draw();
  }

  /** The board's lines now (for tests). */
  lines(): string[] {
    const now = this.now();
    return [...this.running].map(([taskId, task]) => {
      const quiet = task.logPath === undefined ? undefined : lastWrite(task.logPath);
      const since = task.logPath === undefined ? 'on a worker' : quiet === undefined ? 'no output yet' : `last output ${seconds(now - quiet)} ago`;
      return `  > ${taskId}  ${task.agent}  ${seconds(now - task.startedAt)}  ${since}`;
    });
  }

  private redraw(): void {
    this.clear();
    this.draw();
  }

  private draw(): void {
    const lines = this.lines();
    if (lines.length) this.io.write(`${lines.join('\n')}\n`);
    this.drawn = lines.length;
  }

  private clear(): void {
    // Up over the board's lines, then erase from there down.
    if (this.drawn > 0) this.io.write(`\x1b[${this.drawn}A\x1b[0J`);
    this.drawn = 0;
  }
}

function lastWrite(file: string): number | undefined {
  try {
    const stat = statSync(file);
    return stat.size > 0 ? stat.mtimeMs : undefined;
  } catch {
    return undefined;
  }
}

function seconds(ms: number): string {
  const total = Math.max(0, Math.round(ms / 1000));
  return total < 60 ? `${total}s` : `${Math.floor(total / 60)}m${String(total % 60).padStart(2, '0')}s`;
}
