import { readdir } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { UsageError } from '@planwright/cli-kit';

/** The one PR under `<repo>/.plans/` with a plan.json, for a board started without `--pr`. */
export async function onlyPr(options: { repo: string; cwd?: string }): Promise<string> {
  const plansDir = resolve(options.cwd ?? process.cwd(), options.repo, '.plans');
  const names = (await readdir(plansDir).catch(() => [] as string[])).filter((name) => existsSync(join(plansDir, name, 'plan.json'))).sort();
  if (names.length === 1) return names[0]!;
  throw new UsageError(names.length ? `--pr: ${plansDir} holds ${names.length} PRs, name one` : `--pr: no plan in ${plansDir}`, {
    hint: names.length ? `one of ${names.slice(0, 8).join(', ')}` : 'create one with "planwright plan" or pass --plan <file>',
  });
}
