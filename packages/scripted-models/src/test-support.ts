// Test helpers (not exported): this package cannot use @planwright/test-utils, which depends on it.
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { renderHandshakeBlock } from '@planwright/handshake/handshake-block';
import { onTestFinished } from 'vitest';

/** A fresh folder under the OS temp dir, removed when the current test finishes. */
export async function tempDir(prefix = 'planwright-scripted-'): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), prefix));
  onTestFinished(() => rm(dir, { recursive: true, force: true }));
  return dir;
}

/** Writes each `relative path -> content` pair under `dir`. */
export async function writeFiles(dir: string, files: Record<string, string>): Promise<void> {
  for (const [path, content] of Object.entries(files)) {
    await mkdir(dirname(join(dir, path)), { recursive: true });
    await writeFile(join(dir, path), content);
  }
}

/** A run folder's brief for `taskId` (its handshake section as the orchestrator writes it) and the kit's prompt naming it. */
export async function writeBrief(runDir: string, taskId: string, runId: string, options: { doneFile?: boolean } = {}) {
  const briefPath = join(runDir, 'tasks', `${taskId}.md`);
  const resultsPath = join(runDir, 'results', `${taskId}.json`);
  const donePath = options.doneFile ? join(runDir, 'done', `${taskId}.done`) : undefined;
  await writeFiles(runDir, { [`tasks/${taskId}.md`]: `# ${taskId}\n\n## Task\nDo it.\n\n${renderHandshakeBlock({ taskId, runId, resultsPath, ...(donePath && { donePath }) })}` });
  const prompt = `You are a code agent executing ${taskId}.\n1) Read and follow the instructions in: ${briefPath}\n2) When finished, write a JSON summary to: ${resultsPath}\n3) Include run_id=${runId}\nDo not skip steps 2-3.\n`;
  return { briefPath, resultsPath, donePath, prompt };
}
