import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';

/** How far into a log to look: agents announce their thread in their first events. */
const HEAD_BYTES = 1_000_000;

/**
 * The thread (session) id an agent announced in its JSON event log: codex `{"type":"thread.started",
 * "thread_id":...}`, claude `{"type":"system","subtype":"init","session_id":...}`, gemini
 * `{"type":"init","session_id":...}`. Reads only the head of the log; undefined when there is none.
 */
export async function threadIdFromLog(file: string): Promise<string | undefined> {
  const stream = createReadStream(file, { encoding: 'utf8', start: 0, end: HEAD_BYTES - 1 });
  const lines = createInterface({ input: stream, crlfDelay: Infinity });
  try {
    for await (const line of lines) {
      const id = threadIdOfEvent(line);
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

/** The thread id in one event line, if it is a thread/session start event. */
export function threadIdOfEvent(line: string): string | undefined {
  const trimmed = line.trim();
  if (!trimmed.startsWith('{') || !/thread\.started|"init"/.test(trimmed)) return undefined;
  let event: Record<string, unknown>;
  try {
    event = JSON.parse(trimmed) as Record<string, unknown>;
  } catch {
    return undefined;
  }
  const id =
    event.type === 'thread.started'
      ? event.thread_id
      : event.type === 'init' || (event.type === 'system' && event.subtype === 'init')
        ? event.session_id
        : undefined;
  return typeof id === 'string' && id !== '' ? id : undefined;
}
