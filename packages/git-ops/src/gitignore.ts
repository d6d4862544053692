import { readFile, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { UsageError } from '@planwright/cli-kit';
import {
  applyIgnoreBlock,
  DEFAULT_IGNORE_PATTERNS,
  IGNORE_BLOCK_BEGIN,
  IGNORE_BLOCK_END,
  IgnoreBlockError,
} from './ignore-block.js';

export interface EnsureGitignoreOptions {
  /** The folder whose `.gitignore` gets the block (where `.plans/` lives). Default: process.cwd(). */
  cwd?: string;
  /** The patterns of the block (default: the run folders under `.plans/`). */
  patterns?: readonly string[];
}

export interface EnsureGitignoreResult {
  file: string;
  /** `created` the file, `added` the block to it, `replaced` a different block, or left it `unchanged`. */
  action: 'created' | 'added' | 'replaced' | 'unchanged';
  changed: boolean;
}

/**
 * Writes planwright's marked block of ignore patterns into `<cwd>/.gitignore`. Idempotent: a second run
 * changes nothing; an older block is replaced in place; the user's own lines are never touched.
 *
 * @example
 * const { action } = await ensureGitignoreBlock({ cwd: '/work/app' }); // 'added'
 */
export async function ensureGitignoreBlock(options: EnsureGitignoreOptions = {}): Promise<EnsureGitignoreResult> {
  const file = join(resolve(options.cwd ?? process.cwd()), '.gitignore');
  const before = await readIfExists(file);
  let after: string;
  try {
    after = applyIgnoreBlock(before ?? '', options.patterns ?? DEFAULT_IGNORE_PATTERNS);
  } catch (error) {
    if (!(error instanceof IgnoreBlockError)) throw error;
    throw new UsageError(`${file}: ${error.message}`, { hint: `add the line "${IGNORE_BLOCK_END}" where the block ends`, cause: error });
  }
  if (after === before) return { file, action: 'unchanged', changed: false };
  await writeFile(file, after);
  const action = before === undefined ? 'created' : hasBlock(before) ? 'replaced' : 'added';
  return { file, action, changed: true };
}

async function readIfExists(file: string): Promise<string | undefined> {
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

function hasBlock(text: string): boolean {
  return text.split(/\r?\n/).some((line) => line.trim() === IGNORE_BLOCK_BEGIN);
}
