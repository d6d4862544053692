import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { onTestFinished, TestRunner, type TestContext } from 'vitest';

/** Options of {@link tempDir}. */
export interface TempDirOptions {
  /**
   * The test context's `onTestFinished`, required in `it.concurrent` tests: vitest keeps one "current
   * test" for the global hook, so there it would tie the folder to whichever sibling started last, and that
   * sibling finishing first would remove the folder while this test still uses it.
   */
  onTestFinished?: TestContext['onTestFinished'];
}

/**
 * A fresh folder under the OS temp dir, removed when the current test finishes (pass or fail).
 * In a concurrent test, pass the test context's `onTestFinished`.
 *
 * @example
 * const dir = await tempDir();
 * await writeFiles(dir, { 'a/b.txt': 'hi' });
 * it.concurrent('a case', async ({ onTestFinished }) => {
 *   const mine = await tempDir('case-', { onTestFinished });
 * });
 */
export async function tempDir(prefix = 'planwright-', options: TempDirOptions = {}): Promise<string> {
  // Checked before creating anything, so a wrong call leaves nothing behind in the temp dir.
  if (options.onTestFinished === undefined && TestRunner.getCurrentTest()?.concurrent) {
    throw new Error(
      'tempDir() in a concurrent test: pass the test context\'s onTestFinished (tempDir(prefix, { onTestFinished })), or a sibling test finishing first removes this folder',
    );
  }
  const dir = await mkdtemp(join(tmpdir(), prefix));
  (options.onTestFinished ?? onTestFinished)(() => removeDir(dir));
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
