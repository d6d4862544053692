import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { ensureGitignoreBlock } from '@planwright/git-ops';
import { initOpenspec, type LayoutKind } from '@planwright/specflow';
import { plannerInstructions } from './planner-md.js';

export interface InitRepoOptions {
  repo?: string;
  /** Rewrite openspec/project.md and .plans/PLANNER.md even when they exist. */
  force?: boolean;
  /** The openspec/ layout: `kit` (default in a new repo) or `openspec-1` (OpenSpec 1.x). */
  layout?: LayoutKind;
  cwd?: string;
}

export interface InitRepoResult {
  repo: string;
  /** The openspec/ layout made or found. */
  layout: LayoutKind;
  /** Files created (or rewritten with --force), relative to the repo. */
  created: string[];
  /** Files that existed and were kept. */
  kept: string[];
  /** What happened to .gitignore: created, added, replaced, unchanged. */
  gitignore: string;
}

/**
 * `planwright init`: specflow's init (openspec/ in the kit's layout, or OpenSpec 1.x's), the planner instructions
 * `.plans/PLANNER.md`, and the `.gitignore` block that keeps run folders out of git. Idempotent: existing
 * files are kept unless `force`.
 *
 * @example
 * await initRepo({ repo: '.' });
 */
export async function initRepo(options: InitRepoOptions = {}): Promise<InitRepoResult> {
  const repo = resolve(options.cwd ?? process.cwd(), options.repo ?? '.');
  const openspec = await initOpenspec({ repo, force: options.force, ...(options.layout ? { layout: options.layout } : {}) });
  const created = openspec.files.filter((entry) => entry.outcome !== 'kept').map((entry) => entry.file);
  const kept = openspec.files.filter((entry) => entry.outcome === 'kept').map((entry) => entry.file);
  const planner = join(repo, '.plans', 'PLANNER.md');
  if (existsSync(planner) && !options.force) kept.push('.plans/PLANNER.md');
  else {
    await mkdir(join(repo, '.plans'), { recursive: true });
    await writeFile(planner, plannerInstructions());
    created.push('.plans/PLANNER.md');
  }
  const ignore = await ensureGitignoreBlock({ cwd: repo });
  return { repo, layout: openspec.layout, created, kept, gitignore: ignore.action };
}
