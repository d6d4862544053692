import { captureIo } from '@planwright/cli-kit';
import { tempDir } from '@planwright/test-utils';
import { cp, mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';
import { main } from '../src/cli.js';

const FIXTURES = fileURLToPath(new URL('./fixtures/', import.meta.url));

/** A copy of `test/fixtures/<name>/repo/` in a temp folder, removed after the test. */
export async function fixtureRepo(name: string): Promise<string> {
  const repo = await tempDir('specflow-');
  await cp(join(FIXTURES, name, 'repo'), repo, { recursive: true });
  return repo;
}

/** Runs the specflow CLI in-process; the temp repo's path in output reads `<repo>`. */
export async function run(argv: string[], repo?: string) {
  const io = captureIo();
  const code = await main(argv, io);
  const clean = (text: string) => (repo ? text.split(repo).join('<repo>') : text);
  return { code, stdout: clean(io.stdout), stderr: clean(io.stderr) };
}

/**
 * Compares `actual` with `test/fixtures/<name>/expected/<file>`. With UPDATE_GOLDEN=1 the expected file
 * is written instead (review the diff before committing).
 */
export async function expectGolden(actual: string, name: string, file: string): Promise<void> {
  const expectedPath = join(FIXTURES, name, 'expected', file);
  if (process.env.UPDATE_GOLDEN === '1') {
    await mkdir(dirname(expectedPath), { recursive: true });
    await writeFile(expectedPath, actual);
    return;
  }
  expect(actual).toBe(await readFile(expectedPath, 'utf8'));
}

/**
 * Every file under `dir` with its text, and every folder (as `<dir>`), by path relative to `dir`: to
 * prove that nothing changed.
 */
export async function snapshotTree(dir: string): Promise<Record<string, string>> {
  const files: Record<string, string> = {};
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    const path = join(entry.parentPath, entry.name);
    files[relative(dir, path)] = entry.isDirectory() ? '<dir>' : await readFile(path, 'utf8');
  }
  return files;
}

/** plan.json text with its one varying value, created_at, fixed. */
export function stablePlan(text: string): string {
  return text.replace(/"created_at": "[^"]+"/, '"created_at": "<created_at>"');
}
