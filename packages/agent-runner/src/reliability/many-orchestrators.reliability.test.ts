import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadPlan, type Task } from '@planwright/plan-schema';
import { git, writeFiles } from '@planwright/test-utils';
import { execa } from 'execa';
import { beforeAll, describe, expect, it } from 'vitest';
import { fakeTask, orchestratorFixture } from '../../test/fixture.js';
import { assertBuilt, orphansAfter, planContent, runDirsOf, startOrchestrator } from './reliability-kit.js';

// Reliability suite: one repository, ten PRs, ten orchestrators and thirty `plan-schema mark-verified`
// at the same moment. Every plan stays valid and keeps every update; commits and MASTER.md are complete.
const planSchemaBin = fileURLToPath(new URL('../../../plan-schema/dist/bin/plan-schema.js', import.meta.url));
const PRS = Array.from({ length: 10 }, (_, index) => `pr-${index + 1}`);
const REVIEWS = ['r1', 'r2', 'r3'];

beforeAll(assertBuilt);

/** Three tasks for the orchestrator (one after another), three finished ones for the reviewers. */
function planOf(pr: string): { goal: string; x_team: string; tasks: Task[] } {
  const id = (name: string) => `${pr.replace('-', '')}_${name}`;
  const work = (name: string, domain: string, extra: Partial<Task> = {}): Task => ({
    ...fakeTask(id(name), `write ${id(name)}.txt ${pr} ${name}`),
    title: `${pr} ${name}`,
    domain,
    verify: [`test -f ${id(name)}.txt`],
    expected_files: [`${id(name)}.txt`],
    ...extra,
  });
  const review = (name: string): Task => ({ id: id(name), title: `${pr} ${name}`, status: 'agent_done', depends_on: [], x_reviewer: name });
  return {
    goal: `Ship ${pr}`,
    x_team: `team of ${pr}`,
    tasks: [work('a', 'api'), work('b', 'docs', { depends_on: [id('a')] }), work('c', 'web'), ...REVIEWS.map(review)],
  };
}

describe('reliability: ten orchestrators and mark-verified on one repository at once', () => {
  it('keeps every plan valid and every update: tasks done, verdicts and MASTER.md entries there, one commit per task, no orphan', async () => {
    if (!(await readFile(planSchemaBin).catch(() => undefined))) throw new Error(`${planSchemaBin} is missing: build @planwright/plan-schema first`);
    const fixture = await orchestratorFixture(planOf('pr-1').tasks);
    await writeFiles(fixture.repo, Object.fromEntries(PRS.map((pr) => [`.plans/${pr}/plan.json`, `${JSON.stringify(planOf(pr), null, 2)}\n`])));
    // The plans are the planner's files, not the agents' work: committed, so only task files are left to commit.
    await git(fixture.repo, ['add', '.plans']);
    await git(fixture.repo, ['commit', '-q', '-m', 'plans']);
    const planDir = (pr: string) => join(fixture.repo, '.plans', pr);
    const originals = new Map(PRS.map((pr) => [pr, planContent(planOf(pr))]));

    const orchestrators = PRS.map((pr) => startOrchestrator(fixture, ['--concurrency', '2', '--auto-verify', '--commit'], planDir(pr)));
    const reviewers = PRS.flatMap((pr) =>
      REVIEWS.map((review) =>
        execa('node', [planSchemaBin, 'mark-verified', '--repo', fixture.repo, '--pr', pr, '--task', `${pr.replace('-', '')}_${review}`, '--note', `${review} checked ${pr}`], { env: fixture.env, reject: false }),
      ),
    );
    const ran = await Promise.all(orchestrators);
    const reviewed = await Promise.all(reviewers);
    expect(ran.map((run, index) => `${PRS[index]}: ${run.exitCode} ${run.stderr}`.trim())).toEqual(PRS.map((pr) => `${pr}: 0`));
    expect(reviewed.filter((run) => run.exitCode !== 0).map((run) => run.stderr)).toEqual([]);

    const subjects = (await git(fixture.repo, ['log', '--format=%s'])).split('\n');
    for (const pr of PRS) {
      const plan = await loadPlan(join(planDir(pr), 'plan.json'));
      expect(planContent(plan), `${pr}: content changed`).toEqual(originals.get(pr));
      const byId = new Map(plan.tasks.map((task) => [task.id, task]));
      const id = (name: string) => `${pr.replace('-', '')}_${name}`;
      for (const name of ['a', 'b', 'c']) {
        expect(byId.get(id(name)), `${pr} ${name}`).toMatchObject({ status: 'done', verified_by: 'auto' });
        expect(subjects.filter((subject) => subject === `${id(name)}: ${pr} ${name}`), `${pr} ${name}: its commit`).toHaveLength(1);
        expect(await git(fixture.repo, ['show', '--name-only', '--format=', byId.get(id(name))!.head_after as string])).toBe(`${id(name)}.txt`);
      }
      for (const review of REVIEWS) {
        expect(byId.get(id(review)), `${pr} ${review}`).toMatchObject({ status: 'done', verified_by: 'manual', verified_note: `${review} checked ${pr}` });
      }
      const log = await readFile(join(planDir(pr), 'MASTER.md'), 'utf8');
      expect(log.match(/^# .*Planner Log$/gm), `${pr}: MASTER.md header`).toEqual([`# ${pr} — Planner Log`]);
      expect(log.match(/^## .* — mark-verified .*$/gm)?.map((line) => line.split(' — ')[1]).sort(), `${pr}: MASTER.md entries`).toEqual(
        REVIEWS.map((review) => `mark-verified ${id(review)}`),
      );
      for (const review of REVIEWS) expect(log).toContain(`- note: ${review} checked ${pr}\n`);
    }
    // Every task's file went into its commit: none is left changed or untracked.
    expect(await git(fixture.repo, ['status', '--porcelain', '--untracked-files=all', '--', ':(glob)*.txt'])).toBe('');
    const runDirs = (await Promise.all(PRS.map((pr) => runDirsOf(planDir(pr))))).flat();
    expect(runDirs).toHaveLength(PRS.length);
    expect(await orphansAfter(fixture.repo, runDirs)).toEqual({ recorded: [], inside: [] });
  }, 120_000);
});
