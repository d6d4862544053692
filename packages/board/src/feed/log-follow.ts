import { watch, type FSWatcher } from 'node:fs';
import { open } from 'node:fs/promises';
import { basename, dirname } from 'node:path';
import { readLogTail } from '@planwright/run-store';

/** Follows a log file: its tail first, then every appended chunk. */
export interface LogFollow {
  close(): void;
}

/**
 * Sends a log's last lines, then what is appended to it as it grows (fs.watch on its folder, so a log
 * that does not exist yet is followed from its creation). A log that shrinks (rewritten) starts over.
 */
export function followLog(options: { file: string; maxLines?: number; onText: (text: string, reset: boolean) => void }): LogFollow {
  let offset = 0;
  let reading = false;
  let again = false;
  let closed = false;
  let watcher: FSWatcher | undefined;
  const readMore = async () => {
    if (reading) return void (again = true);
    reading = true;
    try {
      do {
        again = false;
        const handle = await open(options.file, 'r').catch(() => null);
        if (!handle) continue;
        try {
          const { size } = await handle.stat();
          if (size < offset) offset = 0;
          if (size === offset) continue;
          const buffer = Buffer.alloc(size - offset);
          const { bytesRead } = await handle.read(buffer, 0, buffer.length, offset);
          offset += bytesRead;
          if (!closed && bytesRead) options.onText(buffer.subarray(0, bytesRead).toString('utf8'), false);
        } finally {
          await handle.close();
        }
      } while (again && !closed);
    } finally {
      reading = false;
    }
  };
  void (async () => {
    const tail = await readLogTail(options.file, { maxLines: options.maxLines ?? 200 });
    const handle = await open(options.file, 'r').catch(() => null);
    // The tail ends at the size read now; later appends start there.
    if (handle) {
      offset = (await handle.stat()).size;
      await handle.close();
    }
    if (closed) return;
    options.onText(tail, true);
    try {
      watcher = watch(dirname(options.file), { persistent: false }, (_event, name) => {
        if (!name || name === basename(options.file)) void readMore();
      });
      watcher.on('error', () => watcher?.close());
    } catch {
      // The run folder is gone: nothing more will be written.
    }
    void readMore();
  })();
  return {
    close() {
      closed = true;
      watcher?.close();
    },
  };
}
