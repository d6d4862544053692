// One turn of the fake agent: codex-shaped JSONL events on stdout, the files it writes, the results file.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { existsSync } from 'node:fs';
import { mkdir, rename, writeFile } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { addTurnUsage, saveThread } from './threads.mjs';

export class Turn {
  /** `options`: json, workdir, refs, thread, threadsDir, persist, lastMessageFile. */
  constructor(options) {
    Object.assign(this, options);
    this.nextItem = 0;
    this.lastMessage = '';
  }

  async emit(event) {
    if (!this.json) return;
    if (!process.stdout.write(`${JSON.stringify(event)}\n`)) await once(process.stdout, 'drain');
  }

  async start() {
    await this.emit({ type: 'thread.started', thread_id: this.thread.thread_id });
    await this.emit({ type: 'turn.started' });
    await this.save();
  }

  async item(item, { started = false } = {}) {
    const withId = { id: `item_${this.nextItem++}`, ...item };
    if (started) {
      const progress = { ...withId, status: 'in_progress' };
      if ('exit_code' in progress) progress.exit_code = null;
      await this.emit({ type: 'item.started', item: progress });
    }
    await this.emit({ type: 'item.completed', item: withId });
  }

  async message(text) {
    this.lastMessage = text;
    await this.item({ type: 'agent_message', text });
  }

  async writeFiles(writes) {
    const written = [];
    for (const { path, content, listed } of writes) {
      const file = resolve(this.workdir, path);
      const kind = existsSync(file) ? 'update' : 'add';
      await mkdir(dirname(file), { recursive: true });
      await writeFile(file, content);
      await this.item({ type: 'file_change', changes: [{ path: file, kind }], status: 'completed' });
      if (listed !== false) written.push(path);
    }
    return written;
  }

  /**
   * Writes results/<id>.json (atomically, like a careful agent), then any done marker, as shell commands.
   * `format: 'fenced'` wraps the JSON in a code fence with a comment and a trailing comma; `inWorkdir`
   * writes results/<id>.json under the working folder instead of the path named.
   */
  async writeResults(status, filesChanged, { runId = this.refs.runId, format = 'plain', inWorkdir = false } = {}) {
    if (!this.refs.resultsPath) {
      process.stderr.write('fake-codex: no results path in the prompt or the brief; wrote no results\n');
      return undefined;
    }
    const named = resolve(this.workdir, this.refs.resultsPath);
    const file = inWorkdir ? join(this.workdir, 'results', basename(named)) : named;
    const results = {
      task_id: this.refs.taskId ?? null, run_id: runId ?? null, status,
      summary: `fake-codex ${status} ${this.refs.taskId ?? 'the task'}`, files_changed: filesChanged,
      notes: `thread ${this.thread.thread_id}`,
    };
    await mkdir(dirname(file), { recursive: true });
    const json = JSON.stringify(results, null, 2);
    const text = format === 'fenced' ? `\`\`\`json\n// results of ${results.task_id}\n${json.replace(/\n}$/, ',\n}')}\n\`\`\`\n` : `${json}\n`;
    await writeFile(`${file}.tmp-${process.pid}`, text);
    await rename(`${file}.tmp-${process.pid}`, file);
    await this.command(`cat > ${file}`);
    if (this.refs.donePath) {
      // Done-file mode: the empty marker comes after the results, as the brief asks.
      const done = resolve(this.workdir, this.refs.donePath);
      await mkdir(dirname(done), { recursive: true });
      await writeFile(done, '');
      await this.command(`touch ${done}`);
    }
    return file;
  }

  async command(command) {
    const item = { type: 'command_execution', command: `/bin/bash -lc '${command}'`, aggregated_output: '', exit_code: 0, status: 'completed' };
    await this.item(item, { started: true });
  }

  /** Ends the turn well: extra files, results with `status` (none when null), last message, usage. */
  async complete(status, { endTurn = true, ...where } = {}) {
    const files = await this.writeFiles(this.writes);
    const file = status === null ? undefined : await this.writeResults(status, files, where);
    await this.message(file ? `Task ${this.refs.taskId ?? ''} ${status}; results in ${file}` : 'Finished without writing results.');
    if (!endTurn) return;
    if (this.lastMessageFile) await writeFile(this.lastMessageFile, this.lastMessage);
    const usage = addTurnUsage(this.thread);
    await this.save();
    await this.emit({ type: 'turn.completed', usage });
    if (!this.json) process.stdout.write(`${this.lastMessage}\n`);
  }

  async fail(message) {
    await this.emit({ type: 'error', message });
    await this.emit({ type: 'turn.failed', error: { message } });
    process.stderr.write(`ERROR: ${message}\n`);
  }

  async save() {
    if (this.persist) await saveThread(this.threadsDir, this.thread);
  }
}

/** A `sleep 3600` in our own process group, as a real agent's shell commands would be. */
export function startGrandchild({ ignoreTerm = false } = {}) {
  const script = ignoreTerm ? 'trap "" TERM INT; exec sleep 3600' : 'exec sleep 3600';
  return spawn('/bin/sh', ['-c', script], { stdio: 'ignore' });
}
