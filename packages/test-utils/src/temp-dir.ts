import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { onTestFinished } from 'vitest';

/**
 * A fresh folder under the OS temp dir, removed when the current test finishes (pass or fail).
 *
 * @example
 * const dir = await tempDir();
 * await writeFiles(dir, { 'a/b.txt': 'hi' });
 */
export async function tempDir(prefix = 'planwright-'): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), prefix));
  onTestFinished(() => removeDir(dir));
  return dir;
}

/** Writes each `relative path -> content` pair under `dir`, creating folders as needed. */
export async function writeFiles(dir: string, files: Record<string, string>): Promise<void> {
  for (const [relativePath, content] of Object.entries(files)) {
    const file = join(dir, relativePath);
    await mkdir(dirname(file), { recursive: true });
    await writeFile(file, content);
  }
}

async function removeDir(dir: string): Promise<void> {
  // A test may have left read-only folders behind (a read-only run root, say); retries cover
  // processes that are still letting go of files.
  await rm(dir, { recursive: true, force: true, maxRetries: 3 });
}
