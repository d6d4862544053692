import { randomBytes } from 'node:crypto';
import { appendFile, link, unlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { timestamp } from '../status/transitions.js';

export interface MasterLogEntry {
  /** The heading, such as `mark-verified task_003`. */
  title: string;
  /** Lines of the entry, written as a bullet list. */
  lines?: string[];
  at?: Date;
}

/** The planner log of a PR, `.plans/<PR>/MASTER.md`. */
export function masterLogPath(planDir: string): string {
  return join(planDir, 'MASTER.md');
}

/**
 * Appends an entry to MASTER.md, creating it with its `# <PR> — Planner Log` header first. The log is
 * append-only: earlier entries are never rewritten. Safe with several writers at once: the file is
 * created whole (header included) or not at all, and each entry is one append.
 *
 * @example
 * await appendMasterLog('.plans/pr-42', 'pr-42', { title: 'plan created', lines: ['3 tasks'] });
 */
export async function appendMasterLog(planDir: string, pr: string, entry: MasterLogEntry): Promise<string> {
  const file = masterLogPath(planDir);
  await createWithHeader(file, `# ${pr} — Planner Log\n`);
  await appendFile(file, formatEntry(entry));
  return file;
}

export function formatEntry(entry: MasterLogEntry): string {
  const bullets = (entry.lines ?? []).map((line) => `- ${line.replace(/\n/g, '\n  ')}`);
  return `\n## ${timestamp(entry.at)} — ${entry.title}\n${bullets.length ? `\n${bullets.join('\n')}\n` : ''}`;
}

async function createWithHeader(file: string, header: string): Promise<void> {
  // link() fails if the name exists, so the header is written exactly once even with racing writers,
  // and nobody can append before it.
  const temp = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  await writeFile(temp, header);
  try {
    await link(temp, file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  } finally {
    await unlink(temp).catch(() => undefined);
  }
}
