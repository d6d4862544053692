import { describe, expect, it } from 'vitest';
import { expectGolden, fixtureRepo, run, snapshotTree } from '../test/fixture-repo.js';

describe('specflow conflicts', () => {
  it('finds requirements that several active changes touch: one line each, exit 1', async () => {
    const repo = await fixtureRepo('conflicts');
    const { code, stdout, stderr } = await run(['conflicts', '--repo', repo], repo);
    expect({ code, stderr }).toEqual({ code: 1, stderr: '' });
    await expectGolden(stdout, 'conflicts', 'conflicts.txt');
    const json = JSON.parse((await run(['conflicts', '--repo', repo, '--json'])).stdout);
    expect(json.changes).toEqual(['add-2fa', 'drop-logout', 'passkeys']);
    expect(json.conflicts).toEqual([
      {
        capability: 'auth',
        requirement: 'Password Login',
        touches: [
          { change: 'add-2fa', operation: 'MODIFIED', file: 'openspec/changes/add-2fa/specs/auth/spec.md', line: 2 },
          { change: 'passkeys', operation: 'RENAMED', file: 'openspec/changes/passkeys/specs/auth/spec.md', line: 2 },
        ],
      },
    ]);
  });

  it('narrows to one change, and exits 0 when it collides with none', async () => {
    const repo = await fixtureRepo('conflicts');
    expect((await run(['conflicts', 'passkeys', '--repo', repo])).code).toBe(1);
    expect(await run(['conflicts', 'drop-logout', '--repo', repo])).toEqual({
      code: 0,
      stdout: 'no conflicts between the 3 active changes\n',
      stderr: '',
    });
  });

  it('exits 2 on an unknown change and writes nothing', async () => {
    const repo = await fixtureRepo('conflicts');
    const before = await snapshotTree(repo);
    expect((await run(['conflicts', 'nope', '--repo', repo])).code).toBe(2);
    expect(await snapshotTree(repo)).toEqual(before);
  });
});
