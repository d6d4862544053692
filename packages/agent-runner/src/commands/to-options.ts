import { resolve } from 'node:path';
import { resolvePrDir } from '@planwright/plan-schema';
import { ORCHESTRATOR_OPTIONS, optionKey } from '../orchestrate/option-table.js';
import type { OrchestrateOptions } from '../orchestrate/options.js';
import { parsedValue, type OrchestrateArgs, type RunArgs } from './orchestrate-options.js';

/** Parsed flags -> library options, row by row of the option table. `planDir`/`codeDir` may be filled in by the caller (`planwright run`). */
export function toOrchestrateOptions(args: OrchestrateArgs, dirs: { planDir: string; codeDir: string }): OrchestrateOptions {
  const goal = [...(args.goal ?? []), ...(args['--'] ?? [])].map(String).join(' ').trim();
  const options: Record<string, unknown> = {};
  for (const row of ORCHESTRATOR_OPTIONS) {
    const key = optionKey(row);
    const value = parsedValue(args, row);
    if (key) options[key] = 'negated' in row && value !== undefined ? !value : value;
  }
  return { ...options, planDir: dirs.planDir, codeDir: dirs.codeDir, goal: goal || undefined } as OrchestrateOptions;
}

/** `planwright run --pr P [--repo R]`: the plan dir is R/.plans/<P's folder> (the one PR-name rule) and the code dir R, unless given. */
export function runDirs(args: RunArgs): { planDir: string; codeDir: string } {
  const repo = resolve(args.repo);
  return {
    planDir: args.planDir ?? (args.pr === undefined ? resolve(repo, '.plans') : resolvePrDir({ repo, pr: args.pr })),
    codeDir: args.codeDir ?? repo,
  };
}
