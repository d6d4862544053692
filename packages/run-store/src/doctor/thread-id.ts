import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';

/** How far into a log to look: agents announce their thread in their first events. */
const HEAD_BYTES = 1_000_000;

/**
 * The thread (session) id an agent announced in its log, as `sessionIdOfLine` (the agent's own reader,
 * from the caller) finds it in a line. Reads only the head of the log; undefined when there is none.
 */
export async function threadIdFromLog(file: string, sessionIdOfLine: (line: string) => string | undefined): Promise<string | undefined> {
  const stream = createReadStream(file, { encoding: 'utf8', start: 0, end: HEAD_BYTES - 1 });
  const lines = createInterface({ input: stream, crlfDelay: Infinity });
  try {
    for await (const line of lines) {
      const id = sessionIdOfLine(line);
      if (id) return id;
    }
  } catch {
    // A missing or unreadable log has no thread id to offer.
  } finally {
    lines.close();
    stream.destroy();
  }
  return undefined;
}
