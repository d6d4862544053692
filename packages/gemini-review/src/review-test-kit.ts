// Test helpers (not exported from the package): a repo with a plan to review, the CLI in-process, and
// the environment that points a real reviewer CLI at a scripted server.
import { readdir } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { captureIo } from '@planwright/cli-kit';
import { agentCliPath, prepareGeminiHome, tempDir, writeFiles } from '@planwright/test-utils';
import { onTestFinished, vi } from 'vitest';
import { main } from './cli.js';

export const PLAN_OPTIONS = '# Plan options\n\n## Option A\nRewrite the cache.\n\n## Option B\nAdd a write-through layer.\n';

/** A temp repo with `.plans/pr-1/` holding plan options, CONTEXT.md and RESEARCH.md (overridable). */
export async function reviewRepo(files: Record<string, string> = {}): Promise<{ repo: string; preplan: string; reviewFile: string }> {
  const repo = await tempDir('planwright-review-');
  await writeFiles(repo, {
    '.plans/pr-1/preplan/PLAN_OPTIONS.md': PLAN_OPTIONS,
    '.plans/pr-1/CONTEXT.md': '# Context\n\nThe service answers in 40 ms today.\n',
    '.plans/pr-1/research/RESEARCH.md': '# Research\n\nThe cache is hit 80% of the time.\n',
    ...files,
  });
  const preplan = join(repo, '.plans', 'pr-1', 'preplan');
  return { repo, preplan, reviewFile: join(preplan, 'GEMINI_PLAN_REVIEW.md') };
}

/** Every file under `dir`, relative, sorted: what "nothing was written" is checked against. */
export async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)))
    .sort();
}

/** Sets environment variables for this test only (the CLI reads process.env, as a user's shell gives it). */
export function stubEnv(env: Record<string, string | undefined>): void {
  for (const [key, value] of Object.entries(env)) vi.stubEnv(key, value);
  onTestFinished(() => void vi.unstubAllEnvs());
}

/**
 * The real gemini against `server`: a temp GEMINI_CLI_HOME (user settings select API-key auth and leave
 * retries at gemini's default), XDG_CACHE_HOME in a temp folder (planwright's gemini workspace), GEMINI_BIN.
 */
export async function useGemini(server: { url: string }, settings?: Record<string, unknown>): Promise<{ settingsFile: string; cacheHome: string }> {
  const { env, settingsFile } = await prepareGeminiHome({ server, settings });
  const cacheHome = await tempDir('planwright-cache-');
  stubEnv({ ...env, XDG_CACHE_HOME: cacheHome, GEMINI_BIN: agentCliPath('gemini') });
  return { settingsFile, cacheHome };
}

/** The CLI in-process: exit code and both streams. */
export async function cli(argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const io = captureIo();
  const code = await main(argv, io);
  return { code, stdout: io.stdout, stderr: io.stderr };
}
