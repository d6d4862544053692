import { tempDir, writeFiles } from '@planwright/test-utils';
import { describe, expect, it } from 'vitest';
import { fixtureRepo, run, snapshotTree } from '../test/fixture-repo.js';

describe('specflow list', () => {
  it('lists active changes with task progress and the capabilities they change', async () => {
    const repo = await fixtureRepo('invalid');
    expect(await run(['list', '--repo', repo])).toEqual({
      code: 0,
      stdout: [
        'bare      0/0 tasks  no spec deltas',
        'broken    0/4 tasks  specs: auth, billing, cache, empty, legacy, payments, search',
        'no-tasks  0/0 tasks  no spec deltas                                                A change with an empty task list',
        '',
      ].join('\n'),
      stderr: '',
    });
  });

  it('lists the specs with --specs, and both as JSON', async () => {
    const repo = await fixtureRepo('basic');
    expect((await run(['list', '--specs', '--repo', repo])).stdout).toBe('auth  2 requirements  openspec/specs/auth/spec.md\n');
    expect(JSON.parse((await run(['list', '--specs', '--json', '--repo', repo])).stdout)).toEqual({
      specs: [{ capability: 'auth', file: 'openspec/specs/auth/spec.md', title: 'auth Specification', requirements: 2 }],
    });
    expect(JSON.parse((await run(['list', '--json', '--repo', repo])).stdout)).toEqual({
      changes: [
        {
          name: 'add-2fa',
          dir: 'openspec/changes/add-2fa',
          title: 'Add two-factor login',
          tasks: { done: 1, total: 4 },
          capabilities: ['auth', 'notifications'],
        },
      ],
    });
  });

  it('says when there is nothing, and exits 2 without openspec/', async () => {
    const repo = await tempDir();
    await writeFiles(repo, { 'openspec/project.md': '# P\n' });
    expect((await run(['list', '--repo', repo])).stdout).toBe('no active changes in openspec/changes/\n');
    expect((await run(['list', '--specs', '--repo', repo])).stdout).toBe('no specs in openspec/specs/\n');
    const empty = await tempDir();
    expect(await run(['list', '--repo', empty], empty)).toEqual({
      code: 2,
      stdout: '',
      stderr: 'specflow: <repo>/openspec: no openspec/ folder here (run "specflow init", or point --repo at the repository root)\n',
    });
    expect(await snapshotTree(empty)).toEqual({});
  });
});

describe('specflow show', () => {
  it('shows a change: tasks by group with their state, and what each delta does', async () => {
    const repo = await fixtureRepo('basic');
    expect((await run(['show', 'add-2fa', '--repo', repo])).stdout).toBe(
      [
        'change add-2fa: Add two-factor login',
        'openspec/changes/add-2fa: 1/4 tasks done',
        '  Database',
        '    [x] 1.1 Add the `otp_secret` column in `db/migrations/004_otp.sql`',
        '    [ ] 1.2 Store secrets encrypted in `src/auth/otp-store.ts`',
        '  API',
        '    [ ] 2.1 Challenge endpoint `src/api/otp.ts`',
        '    [ ] 2.2 Rate-limit attempts',
        'spec auth: + Two-Factor Login; ~ Password Login',
        'spec notifications: + Login Alert',
        '',
      ].join('\n'),
    );
    const json = JSON.parse((await run(['show', 'add-2fa', '--json', '--repo', repo])).stdout);
    expect(json.type).toBe('change');
    expect(json.change.tasks[1]).toEqual({ line: 5, ref: '1.2', title: '1.2 Store secrets encrypted in `src/auth/otp-store.ts`', checked: false, group: 'Database' });
    expect(json.change.deltas[0]).toEqual({
      capability: 'auth',
      file: 'openspec/changes/add-2fa/specs/auth/spec.md',
      added: ['Two-Factor Login'],
      modified: ['Password Login'],
      removed: [],
      renamed: [],
    });
  });

  it('shows renames and removals of a change', async () => {
    const repo = await fixtureRepo('conflicts');
    expect((await run(['show', 'passkeys', '--repo', repo])).stdout).toContain('spec auth: Password Login -> Sign In\n');
    expect((await run(['show', 'drop-logout', '--repo', repo])).stdout).toContain('spec auth: - Logout\n');
  });

  it('shows a spec: requirements and scenario counts', async () => {
    const repo = await fixtureRepo('basic');
    expect((await run(['show', 'auth', '--repo', repo])).stdout).toBe(
      'spec auth: openspec/specs/auth/spec.md, 2 requirements\n  Password Login (1 scenario)\n  Logout (1 scenario)\n',
    );
  });

  it('asks for --type when a change and a spec share a name; exits 2 on an unknown name', async () => {
    const repo = await fixtureRepo('basic');
    await run(['proposal', 'auth', '--repo', repo]);
    expect(await run(['show', 'auth', '--repo', repo])).toEqual({
      code: 2,
      stdout: '',
      stderr: 'specflow: "auth" is both a change and a spec (add --type change or --type spec)\n',
    });
    expect((await run(['show', 'auth', '--type', 'spec', '--repo', repo])).stdout).toMatch(/^spec auth: /);
    expect((await run(['show', 'auth', '--type', 'change', '--repo', repo])).stdout).toMatch(/^change auth: Change Proposal: auth\n/);
    const before = await snapshotTree(repo);
    expect(await run(['show', 'nope', '--repo', repo])).toEqual({
      code: 2,
      stdout: '',
      stderr: 'specflow: "nope": no such change or spec (see "specflow list" and "specflow list --specs")\n',
    });
    expect(await snapshotTree(repo)).toEqual(before);
  });
});

describe('archived changes in the kit layout', () => {
  it('list --archived and show find openspec/archive/<change>-<stamp>, the newest when archived twice', async () => {
    const repo = await fixtureRepo('basic');
    await writeFiles(repo, {
      'openspec/archive/old-change-20250101-090000/tasks.md': '- [x] 1.1 Done\n- [ ] 1.2 Left\n',
      'openspec/archive/old-change-20250301-090000/tasks.md': '- [x] 1.1 Done\n',
    });
    expect((await run(['list', '--archived', '--repo', repo], repo)).stdout).toBe(
      'old-change-20250101-090000  1/2 tasks\nold-change-20250301-090000  1/1 tasks\n',
    );
    expect((await run(['show', 'old-change', '--repo', repo], repo)).stdout.split('\n').slice(0, 2)).toEqual([
      'archived change old-change-20250301-090000',
      'openspec/archive/old-change-20250301-090000: 1/1 tasks done',
    ]);
  });
});
