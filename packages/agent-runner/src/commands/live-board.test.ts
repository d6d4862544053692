import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { tempDir } from '@planwright/test-utils';
import { describe, expect, it } from 'vitest';
import { LiveBoard } from './live-board.js';

function terminal() {
  let screen = '';
  return {
    io: { out: (text: string) => void (screen += `${text}\n`), err: () => undefined, write: (text: string) => void (screen += text), stdoutIsTTY: true, stdinIsTTY: false },
    get screen() {
      return screen;
    },
  };
}

describe('LiveBoard', () => {
  it('shows each running task with its agent, elapsed time and last output, under the progress lines', async () => {
    const dir = await tempDir();
    const log = join(dir, 'agent_task_001.log');
    await writeFile(log, '{"type":"thread.started"}\n');
    let now = Date.now();
    const tty = terminal();
    const board = new LiveBoard(tty.io, () => now);
    board.observe({ type: 'task-started', taskId: 'task_001', pid: 1, logPath: log, noWait: false, agent: 'codex' });
    board.observe({ type: 'task-started', taskId: 'task_002', pid: 2, logPath: join(dir, 'none.log'), noWait: false, agent: 'gemini' });
    now += 75_000;
    expect(board.lines()).toEqual([expect.stringMatching(/^  > task_001  codex  1m15s  last output 1m1\ds ago$/), '  > task_002  gemini  1m15s  no output yet']);
    board.print('task_003: agent_done (completed) in 4s');
    // The progress line went above the board: the board was erased (cursor up 2, clear) and drawn again.
    expect(tty.screen).toContain('\x1b[2A\x1b[0Jtask_003: agent_done (completed) in 4s\n  > task_001');
    board.observe({ type: 'task-finished', outcome: { taskId: 'task_001', status: 'agent_done', fallback: false, exitCode: 0, durationMs: 1, resultsPath: '', logPath: log } });
    expect(board.lines()).toEqual(['  > task_002  gemini  1m15s  no output yet']);
    board.stop();
    expect(tty.screen.endsWith('\x1b[1A\x1b[0J')).toBe(true);
  });

  it('shows a task on a worker from when a worker took it, with where it runs, and keeps its start on a later attempt', () => {
    let now = Date.now();
    const board = new LiveBoard(terminal().io, () => now);
    board.observe({ type: 'placed', taskId: 'task_001', host: 'build-7', worker: 'w1', attempt: 1 });
    now += 30_000;
    board.observe({ type: 'placed', taskId: 'task_001', host: 'build-9', worker: 'w2', attempt: 2 });
    now += 15_000;
    expect(board.lines()).toEqual(['  > task_001  on w2@build-9, attempt 2  45s  on a worker']);
  });
});
