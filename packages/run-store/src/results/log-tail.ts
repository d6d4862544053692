import { open } from 'node:fs/promises';
import { errorCode, fsError } from '../fs-errors.js';

export interface LogTailOptions {
  maxLines?: number;
  maxBytes?: number;
}

/**
 * The end of a log: at most `maxLines` lines from its last `maxBytes` bytes, read without touching the
 * rest of the file (an agent log may be gigabytes). A line cut by the byte limit is dropped. A missing
 * file has an empty tail.
 *
 * @example
 * const tail = await readLogTail(layout.agentLogPath('task_001'), { maxLines: 20 });
 */
export async function readLogTail(file: string, options: LogTailOptions = {}): Promise<string> {
  const maxLines = options.maxLines ?? 200;
  const maxBytes = options.maxBytes ?? 128_000;
  let handle;
  try {
    handle = await open(file, 'r');
  } catch (error) {
    if (errorCode(error) === 'ENOENT') return '';
    throw fsError('read', file, error);
  }
  try {
    const { size } = await handle.stat();
    const start = Math.max(0, size - maxBytes);
    const buffer = Buffer.alloc(size - start);
    let filled = 0;
    while (filled < buffer.length) {
      const { bytesRead } = await handle.read(buffer, filled, buffer.length - filled, start + filled);
      if (bytesRead === 0) break;
      filled += bytesRead;
    }
    let text = buffer.subarray(0, filled).toString('utf8');
    if (start > 0) {
      const firstBreak = text.indexOf('\n');
      if (firstBreak !== -1 && firstBreak < text.length - 1) text = text.slice(firstBreak + 1);
    }
    const lines = text.replace(/\r?\n$/, '').split('\n');
    return lines.slice(-maxLines).join('\n');
  } catch (error) {
    throw fsError('read', file, error);
  } finally {
    await handle.close();
  }
}
