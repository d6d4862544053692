import { readdir, readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { archiveChange, archiveStamp } from './archive-change.js';
import { expectGolden, fixtureRepo, run, snapshotTree } from '../../test/fixture-repo.js';

const read = (repo: string, path: string) => readFile(`${repo}/${path}`, 'utf8');

describe('specflow archive', () => {
  it('merges ADDED, MODIFIED, REMOVED, RENAMED into one spec over four changes', async () => {
    const repo = await fixtureRepo('round-trip');
    const changes = ['1-add-timeout', '2-shorter-timeout', '3-drop-logout', '4-rename-timeout'];
    const lines: string[] = [];
    for (const [step, change] of changes.entries()) {
      // Each change only validates once the one before it is archived: it builds on the merged spec.
      expect((await run(['validate', change, '--repo', repo])).code).toBe(0);
      const { code, stdout, stderr } = await run(['archive', change, '--repo', repo], repo);
      expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
      lines.push(stdout.replace(/-\d{8}-\d{6}\b/, '-<stamp>'));
      await expectGolden(await read(repo, 'openspec/specs/auth/spec.md'), 'round-trip', `auth-spec-after-${step + 1}.md`);
    }
    expect(lines.join('')).toBe(
      [
        'update openspec/specs/auth/spec.md: 1 added',
        '  added "Session Timeout"',
        'move openspec/changes/1-add-timeout to openspec/archive/1-add-timeout-<stamp>',
        'update openspec/specs/auth/spec.md: 1 modified',
        '  modified "Session Timeout"',
        'move openspec/changes/2-shorter-timeout to openspec/archive/2-shorter-timeout-<stamp>',
        'update openspec/specs/auth/spec.md: 1 removed',
        '  removed "Logout"',
        'move openspec/changes/3-drop-logout to openspec/archive/3-drop-logout-<stamp>',
        'update openspec/specs/auth/spec.md: 1 renamed',
        '  renamed "Session Timeout" -> "Idle Timeout"',
        'move openspec/changes/4-rename-timeout to openspec/archive/4-rename-timeout-<stamp>',
        '',
      ].join('\n'),
    );
    const archived = (await readdir(`${repo}/openspec/archive`)).sort();
    expect(archived.map((name) => name.replace(/-\d{8}-\d{6}$/, ''))).toEqual(changes);
    expect(await readdir(`${repo}/openspec/changes`)).toEqual([]);
    expect(await read(repo, `openspec/archive/${archived[3]}/specs/auth/spec.md`)).toContain('- TO: `### Requirement: Idle Timeout`');
  });

  it('creates the spec of a new capability and reports unchecked tasks', async () => {
    const repo = await fixtureRepo('basic');
    const { code, stdout, stderr } = await run(['archive', 'add-2fa', '--repo', repo, '--json'], repo);
    expect(code).toBe(0);
    expect(stderr).toBe('warning: 3 of 4 tasks in openspec/changes/add-2fa/tasks.md are not checked\n');
    const result = JSON.parse(stdout);
    expect(result).toMatchObject({
      change: 'add-2fa',
      dryRun: false,
      skipSpecs: false,
      specs: [
        { capability: 'auth', file: 'openspec/specs/auth/spec.md', created: false, added: ['Two-Factor Login'], modified: ['Password Login'], removed: [], renamed: [] },
        { capability: 'notifications', file: 'openspec/specs/notifications/spec.md', created: true, added: ['Login Alert'], modified: [], removed: [], renamed: [] },
      ],
    });
    expect(result.archivedTo).toMatch(/^openspec\/archive\/add-2fa-\d{8}-\d{6}$/);
    await expectGolden(await read(repo, 'openspec/specs/auth/spec.md'), 'basic', 'auth-spec-archived.md');
    await expectGolden(await read(repo, 'openspec/specs/notifications/spec.md'), 'basic', 'notifications-spec-archived.md');
    expect(await read(repo, `${result.archivedTo}/proposal.md`)).toContain('# Add two-factor login');
  });

  it('--dry-run names the specs and requirements that would change, and writes nothing', async () => {
    const repo = await fixtureRepo('basic');
    const before = await snapshotTree(repo);
    const { code, stdout, stderr } = await run(['archive', 'add-2fa', '--repo', repo, '--dry-run'], repo);
    expect({ code, stderr }).toEqual({ code: 0, stderr: 'warning: 3 of 4 tasks in openspec/changes/add-2fa/tasks.md are not checked\n' });
    expect(stdout.replace(/-\d{8}-\d{6}\b/, '-<stamp>')).toBe(
      [
        'would update openspec/specs/auth/spec.md: 1 added, 1 modified',
        '  modified "Password Login"',
        '  added "Two-Factor Login"',
        'would create openspec/specs/notifications/spec.md: 1 added',
        '  added "Login Alert"',
        'would move openspec/changes/add-2fa to openspec/archive/add-2fa-<stamp> (dry run: nothing written)',
        '',
      ].join('\n'),
    );
    expect(await snapshotTree(repo)).toEqual(before);
  });

  it('--dry-run names removed and renamed requirements too', async () => {
    const repo = await fixtureRepo('round-trip');
    for (const change of ['1-add-timeout', '2-shorter-timeout']) await run(['archive', change, '--repo', repo]);
    const removed = await run(['archive', '3-drop-logout', '--repo', repo, '--dry-run', '--json']);
    expect(JSON.parse(removed.stdout).specs).toEqual([
      { capability: 'auth', file: 'openspec/specs/auth/spec.md', created: false, added: [], modified: [], removed: ['Logout'], renamed: [] },
    ]);
    await run(['archive', '3-drop-logout', '--repo', repo]);
    const renamed = await run(['archive', '4-rename-timeout', '--repo', repo, '--dry-run']);
    expect(renamed.stdout.split('\n').slice(0, 2)).toEqual([
      'would update openspec/specs/auth/spec.md: 1 renamed',
      '  renamed "Session Timeout" -> "Idle Timeout"',
    ]);
  });

  it('--skip-specs only moves the folder: no merge, no check of the deltas', async () => {
    const repo = await fixtureRepo('invalid');
    const before = await snapshotTree(repo);
    const { code, stdout, stderr } = await run(['archive', 'broken', '--repo', repo, '--skip-specs'], repo);
    expect({ code, stderr }).toEqual({ code: 0, stderr: 'warning: 4 of 4 tasks in openspec/changes/broken/tasks.md are not checked\n' });
    expect(stdout.replace(/-\d{8}-\d{6}\b/, '-<stamp>')).toBe(
      'move openspec/changes/broken to openspec/archive/broken-<stamp> (--skip-specs: openspec/specs/ untouched)\n',
    );
    const after = await snapshotTree(repo);
    const moved = (tree: Record<string, string>, from: string) =>
      Object.entries(tree).filter(([path]) => path.startsWith(from)).map(([path, text]) => [path.slice(from.length), text]);
    const [archived] = (await readdir(`${repo}/openspec/archive`)).filter((name) => name.startsWith('broken-'));
    expect(moved(after, `openspec/archive/${archived}`)).toEqual(moved(before, 'openspec/changes/broken'));
    expect(after['openspec/specs/auth/spec.md']).toBe(before['openspec/specs/auth/spec.md']);
    expect(Object.keys(after).filter((path) => path.startsWith('openspec/specs/'))).toEqual(
      Object.keys(before).filter((path) => path.startsWith('openspec/specs/')),
    );
  });

  it('--skip-specs with --dry-run writes nothing', async () => {
    const repo = await fixtureRepo('basic');
    const before = await snapshotTree(repo);
    const { code, stdout } = await run(['archive', 'add-2fa', '--repo', repo, '--skip-specs', '--dry-run', '--json']);
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toMatchObject({ dryRun: true, skipSpecs: true, specs: [] });
    expect(await snapshotTree(repo)).toEqual(before);
  });

  it('refuses a change whose deltas do not apply: every finding, exit 1, nothing changed', async () => {
    const repo = await fixtureRepo('round-trip');
    const before = await snapshotTree(repo);
    const { code, stdout, stderr } = await run(['archive', '2-shorter-timeout', '--repo', repo], repo);
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toBe(
      'openspec/changes/2-shorter-timeout/specs/auth/spec.md:2: DELTA_TARGET_MISSING "Session Timeout": MODIFIED: openspec/specs/auth/spec.md has no such requirement (use the exact name from the spec, or ADDED for a new requirement)\n' +
        'specflow: archive 2-shorter-timeout: 1 problem in the spec deltas; nothing was changed (fix them, then archive again; "specflow validate 2-shorter-timeout" lists them too)\n',
    );
    expect(await snapshotTree(repo)).toEqual(before);
  });

  it('lets task problems through as warnings: only the deltas block an archive', async () => {
    const repo = await fixtureRepo('invalid');
    const result = await archiveChange({ repo, change: 'no-tasks', dryRun: true });
    expect(result.warnings).toEqual([
      'openspec/changes/no-tasks/specs/: warning DELTA_NONE: the change has no spec deltas (add specs/<capability>/spec.md with "## ADDED Requirements", or leave it: deltas are optional)',
      'openspec/changes/no-tasks/tasks.md: TASKS_EMPTY: no tasks found: no "- [ ] ..." line (add checkbox lines such as "- [ ] 1.1 First step")',
    ]);
  });

  it.each([
    ['an unknown change', 'nope', 'specflow: openspec/changes/nope: no such change folder (create it with "specflow proposal nope", or see "specflow list")\n'],
    ['a name that slugs to nothing', '...', 'specflow: change name "...": the slug is empty (only a-z and 0-9 are kept) (use a name with letters or digits, such as add-login)\n'],
  ])('exits 2 on %s and changes nothing', async (_name, change, message) => {
    const repo = await fixtureRepo('basic');
    const before = await snapshotTree(repo);
    expect(await run(['archive', change, '--repo', repo], repo)).toEqual({ code: 2, stdout: '', stderr: message });
    expect(await snapshotTree(repo)).toEqual(before);
  });

  it('names the archive folder with the local time, as the kit does', () => {
    expect(archiveStamp(new Date(2025, 0, 2, 3, 4, 5))).toBe('20250102-030405');
  });
});
