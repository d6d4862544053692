import { randomBytes } from 'node:crypto';
import { open, rename, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

export interface WriteFileAtomicOptions {
  /**
   * Flush to disk before the rename (default true), so the new content survives a power cut too. The
   * rename alone already protects readers and process crashes; files that only describe a live run can
   * skip the flush, which costs milliseconds on every write.
   */
  durable?: boolean;
}

/**
 * Writes a file so that readers see either the old content or the new, never a part: the text goes to a
 * temp file in the same folder (same file system, so rename is atomic), is flushed to disk, then renamed
 * over the target. A crash at any point leaves the target whole.
 */
export async function writeFileAtomic(file: string, text: string, options: WriteFileAtomicOptions = {}): Promise<void> {
  const temp = join(dirname(file), `.${basename(file)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  const handle = await open(temp, 'wx');
  try {
    await handle.writeFile(text);
    if (options.durable !== false) await handle.sync();
  } catch (error) {
    await handle.close();
    await unlink(temp).catch(() => undefined);
    throw error;
  }
  await handle.close();
  try {
    await rename(temp, file);
  } catch (error) {
    await unlink(temp).catch(() => undefined);
    throw error;
  }
}
