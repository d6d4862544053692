import { tempDir, writeFiles } from '@planwright/test-utils';
import { describe, expect, it } from 'vitest';
import { run, snapshotTree } from '../../test/fixture-repo.js';

const MAIN = '# auth Specification\n\n## Purpose\nSign-in for the users of the service, with passwords.\n\n## Requirements\n### Requirement: Login\nThe system SHALL sign users in.\n\n#### Scenario: s\n- **WHEN** a\n- **THEN** b\n';
const ADDED = '## ADDED Requirements\n### Requirement: Logout\nThe system SHALL sign users out.\n\n#### Scenario: s\n- **WHEN** a\n- **THEN** b\n';

/** An OpenSpec 1.x repository with one change `c` holding `files` (paths inside the change folder). */
async function repoWith(files: Record<string, string>): Promise<string> {
  const repo = await tempDir();
  const change = Object.fromEntries(Object.entries(files).map(([path, text]) => [`openspec/changes/c/${path}`, text]));
  await writeFiles(repo, { 'openspec/config.yaml': 'schema: spec-driven\n', 'openspec/specs/auth/spec.md': MAIN, ...change });
  return repo;
}

// An archive never succeeds while a delta file of the change went unread.
describe('archive and files under specs/ that no merge reads', () => {
  it.each([
    ['a note beside a capability\'s spec.md', 'specs/auth/notes.md'],
    ['a delta at specs/spec.md, outside any capability folder', 'specs/spec.md'],
  ])('refuses %s, naming it, and changes nothing', async (_what, unread) => {
    const repo = await repoWith({ 'specs/auth/spec.md': ADDED, [unread]: ADDED });
    const before = await snapshotTree(repo);
    const archived = await run(['archive', 'c', '--repo', repo], repo);
    expect(archived.code).toBe(1);
    expect(archived.stderr).toContain(`openspec/changes/c/${unread}: DELTA_FILE_UNREAD: archive reads only specs/<capability>/spec.md, so this file would be left unread`);
    expect(archived.stderr).toContain('specflow: archive c: 1 problem in the spec deltas; nothing was changed');
    expect(await snapshotTree(repo)).toEqual(before);
  });

  it('reads deltas in nested capability folders', async () => {
    const repo = await repoWith({ 'specs/platform/auth/spec.md': ADDED });
    const archived = await run(['archive', 'c', '--repo', repo, '--json'], repo);
    expect(archived.code).toBe(0);
    expect(JSON.parse(archived.stdout).specs).toMatchObject([{ capability: 'platform/auth', file: 'openspec/specs/platform/auth/spec.md', created: true, added: ['Logout'] }]);
  });
});
