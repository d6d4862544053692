import { readFile } from 'node:fs/promises';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { unexplainedDisagreement } from './differences.js';
import { repoCaseArb } from './generate.js';
import { requireOpenspec } from './openspec-cli.js';
import { runBoth, type RepoCase } from './run-both.js';

// Fixed, so a run is repeatable; DIFFERENTIAL_SEED / DIFFERENTIAL_RUNS explore further by hand.
const SEED = Number(process.env.DIFFERENTIAL_SEED ?? 20261206);
const RUNS = Number(process.env.DIFFERENTIAL_RUNS ?? 16);
// OpenSpec is a Node process of about half a second a call: a few cases at once keep two cores busy.
const AT_ONCE = 3;

/** Runs every case, a few at a time; returns one report per case where the tools disagree unexplained. */
async function disagreements(cases: { label: string; repo: RepoCase }[]): Promise<string[]> {
  const found: string[] = [];
  let next = 0;
  const worker = async () => {
    while (next < cases.length) {
      const { label, repo } = cases[next++]!;
      const { ours, theirs, before } = await runBoth(repo);
      const why = unexplainedDisagreement(ours, theirs);
      const untouched = ours.archived || JSON.stringify(ours.specs) === JSON.stringify(before);
      if (why || !untouched) found.push(`${label}: ${why ?? 'a refused archive changed openspec/specs/'}\n  case: ${JSON.stringify(repo)}`);
    }
  };
  await Promise.all(Array.from({ length: AT_ONCE }, worker));
  return found;
}

describe('planwright and the OpenSpec CLI agree on verdicts and archived specs', () => {
  beforeAll(() => requireOpenspec());

  it('replays every case that once disagreed (regressions.json)', async () => {
    const file = new URL('./regressions.json', import.meta.url);
    const regressions = JSON.parse(await readFile(file, 'utf8')) as { note: string; case: RepoCase }[];
    const cases = regressions.map((entry) => ({ label: entry.note, repo: entry.case }));
    expect(await disagreements(cases)).toEqual([]);
  });

  it(`agrees on generated repositories (fast-check seed ${SEED}, ${RUNS} cases)`, async () => {
    const cases = fc.sample(repoCaseArb, { seed: SEED, numRuns: RUNS }).map((repo, index) => ({ label: `seed ${SEED} case ${index}`, repo }));
    // Each report carries the case as JSON: add it to regressions.json with a note once it is understood.
    expect(await disagreements(cases)).toEqual([]);
  }, Math.max(240_000, RUNS * 10_000));
});
