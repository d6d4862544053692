import { tempPlanRepo } from '@planwright/test-utils';
import { describe, expect, it } from 'vitest';
import { run } from '../test/fixture-repo.js';

describe('specflow validate-plan --pr', () => {
  it('checks .plans/<PR>/plan.json with plan-schema: exit 0 and a summary', async () => {
    const { repo } = await tempPlanRepo({ pr: 'my-pr', plan: { tasks: [{ id: 'a', verify: [] }, { id: 'b', depends_on: ['a'] }] } });
    expect(await run(['--repo', repo, 'validate-plan', '--pr', 'my-pr'], repo)).toEqual({
      code: 0,
      stdout: 'ok: <repo>/.plans/my-pr/plan.json: 2 tasks: 2 pending; 2 waves\n',
      stderr: '',
    });
    const json = JSON.parse((await run(['validate-plan', '--pr', 'my-pr', '--repo', repo, '--json'])).stdout);
    expect(json).toMatchObject({ valid: true, tasks: 2, waves: 2 });
  });

  it('applies the slug rule to --pr, as plan does', async () => {
    const { repo } = await tempPlanRepo({ pr: 'my-pr', plan: { tasks: [] } });
    expect((await run(['validate-plan', '--pr', 'My PR', '--repo', repo])).code).toBe(0);
  });

  it('reports an invalid plan (exit 2, one line per problem) and a missing one', async () => {
    const { repo } = await tempPlanRepo({ pr: 'p', plan: { tasks: [{ id: 'a', status: 'finished' }] } });
    expect(await run(['validate-plan', '--pr', 'p', '--repo', repo], repo)).toEqual({
      code: 2,
      stdout: '',
      stderr:
        '<repo>/.plans/p/plan.json: tasks[0].status: unknown status "finished" (allowed: pending, in_progress, agent_done, done, deferred, blocked, paused)\n',
    });
    const missing = await run(['validate-plan', '--pr', 'q', '--repo', repo], repo);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/^specflow: <repo>\/\.plans\/q\/plan\.json: no such plan file/);
  });

  it('exits 2 on a --pr that slugs to nothing', async () => {
    expect(await run(['validate-plan', '--pr', '///'])).toEqual({
      code: 2,
      stdout: '',
      stderr: 'specflow: --pr "///": the slug is empty (only a-z and 0-9 are kept) (use a name with letters or digits, such as add-login)\n',
    });
  });
});
