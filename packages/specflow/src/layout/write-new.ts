import { mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import { writeFileAtomic } from '@planwright/plan-schema';
import { isFile } from './paths.js';

/** What happened to a file that a scaffolding command offers to write. */
export type WriteOutcome = 'created' | 'overwritten' | 'kept';

/** Writes `text` to `file` unless it exists (then only with `force`); folders are created as needed. */
export async function writeUnlessExists(file: string, text: string, force: boolean): Promise<WriteOutcome> {
  const exists = await isFile(file);
  if (exists && !force) return 'kept';
  await mkdir(dirname(file), { recursive: true });
  await writeFileAtomic(file, text);
  return exists ? 'overwritten' : 'created';
}
