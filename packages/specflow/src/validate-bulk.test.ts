import { tempDir, writeFiles } from '@planwright/test-utils';
import { describe, expect, it } from 'vitest';
import { run, snapshotTree } from '../test/fixture-repo.js';
import { validateAll } from './validate-bulk.js';
import { validateSpec } from './validate-spec.js';

const PURPOSE = 'Authentication of users who sign in with a password or a one-time code.';
const SPEC = `# auth\n\n## Purpose\n${PURPOSE}\n\n## Requirements\n\n### Requirement: Login\nThe system SHALL let users sign in.\n\n#### Scenario: Success\n- **WHEN** the password is right\n- **THEN** a session starts\n`;
const DELTA = '## ADDED Requirements\n\n### Requirement: Logout\nThe system SHALL end sessions.\n\n#### Scenario: Out\n- **WHEN** the user logs out\n- **THEN** the session ends\n';

async function repoWithEverything(): Promise<string> {
  const repo = await tempDir('specflow-bulk-');
  await writeFiles(repo, {
    'openspec/config.yaml': 'schema: spec-driven\n',
    'openspec/specs/auth/spec.md': SPEC,
    'openspec/specs/platform/billing/spec.md': SPEC.replace('# auth', '# billing'),
    'openspec/specs/brief/spec.md': '# brief\n\n## Purpose\nToo short.\n\n## Requirements\n\n### Requirement: One\nThe system SHALL do one thing.\n\n#### Scenario: It\n- **WHEN** asked\n- **THEN** done\n',
    'openspec/specs/empty/spec.md': '# empty\n\n## Purpose\n\n## Requirements\n',
    'openspec/specs/tbd/spec.md': SPEC.replace(PURPOSE, 'TBD - created by archiving change add-tbd. Update Purpose after archive.'),
    'openspec/changes/add-logout/specs/auth/spec.md': DELTA,
    'openspec/changes/no-deltas/tasks.md': '- [ ] 1.1 Something\n',
    'openspec/changes/archive/2026-01-01-old/specs/auth/spec.md': DELTA,
  });
  return repo;
}

describe('validate --all, --changes, --specs', () => {
  it('validates every change and main spec in one call, archived changes left out', async () => {
    const repo = await repoWithEverything();
    const report = await validateAll({ repo, changes: true, specs: true });
    expect(report.items.map(({ id, type, valid }) => [id, type, valid])).toEqual([
      ['add-logout', 'change', true],
      ['auth', 'spec', true],
      ['brief', 'spec', true],
      ['empty', 'spec', false],
      ['no-deltas', 'change', false],
      ['platform/billing', 'spec', true],
      ['tbd', 'spec', true],
    ]);
    expect(report.summary).toEqual({
      totals: { items: 7, passed: 5, failed: 2 },
      byType: { change: { items: 2, passed: 1, failed: 1 }, spec: { items: 5, passed: 4, failed: 1 } },
    });
    expect(report.valid).toBe(false);
    // --strict: a short or placeholder Purpose is a warning, as in OpenSpec.
    const strict = await validateAll({ repo, specs: true, strict: true });
    expect(strict.items.filter((item) => !item.valid).map((item) => [item.id, item.diagnostics.map((found) => found.code)])).toEqual([
      ['brief', ['SPEC_PURPOSE_BRIEF']],
      ['empty', ['SPEC_NO_PURPOSE', 'SPEC_NO_REQUIREMENTS']],
      ['tbd', ['SPEC_PURPOSE_PLACEHOLDER']],
    ]);
  });

  it('prints one line per item and the totals; --json is one document; exit 1 when any fails', async () => {
    const repo = await repoWithEverything();
    const changes = await run(['validate', '--changes', '--repo', repo], repo);
    expect(changes.code).toBe(1);
    expect(changes.stdout.split('\n')[0]).toBe('ok: change add-logout');
    expect(changes.stdout).toContain('not valid: change no-deltas (1 error, 0 warnings)\n  openspec/changes/no-deltas/specs/: DELTA_NONE:');
    expect(changes.stdout.endsWith('1 passed, 1 failed (2 items)\n')).toBe(true);
    const specs = await run(['validate', '--specs', '--json', '--repo', repo], repo);
    expect(JSON.parse(specs.stdout).summary.totals).toEqual({ items: 5, passed: 4, failed: 1 });
    const all = await run(['validate', '--all', '--json', '--repo', repo], repo);
    expect(JSON.parse(all.stdout).items).toHaveLength(7);
  });

  it('validates one main spec by name, as openspec validate <spec> does, and --type picks one', async () => {
    const repo = await repoWithEverything();
    expect(await run(['validate', 'auth', '--repo', repo], repo)).toEqual({
      code: 0,
      stdout: 'ok: spec auth is valid (1 requirement)\n',
      stderr: '',
    });
    const empty = await validateSpec({ repo, spec: 'empty' });
    expect(empty.diagnostics.map((found) => found.code)).toEqual(['SPEC_NO_PURPOSE', 'SPEC_NO_REQUIREMENTS']);
    const typed = await run(['validate', 'platform/billing', '--type', 'spec', '--json', '--repo', repo], repo);
    expect(JSON.parse(typed.stdout)).toMatchObject({ spec: 'platform/billing', valid: true, requirements: 1 });
  });

  it('refuses a name together with a bulk flag, or neither: exit 2, nothing changed', async () => {
    const repo = await repoWithEverything();
    const before = await snapshotTree(repo);
    expect(await run(['validate', 'auth', '--all', '--repo', repo], repo)).toEqual({
      code: 2,
      stdout: '',
      stderr: 'specflow: validate: give a name or --all/--changes/--specs, not both (got "auth") (drop the name to validate everything, or drop the flag to validate one item)\n',
    });
    expect(await run(['validate', '--repo', repo], repo)).toEqual({
      code: 2,
      stdout: '',
      stderr: 'specflow: validate: no change or spec named (name one ("specflow validate add-2fa"), or pass --all, --changes or --specs)\n',
    });
    expect((await run(['validate', 'nope', '--type', 'spec', '--repo', repo], repo)).stderr).toBe(
      'specflow: openspec/specs/nope/spec.md: no such spec (see "specflow list --specs" for the specs there are)\n',
    );
    expect(await run(['validate', '../auth', '--type', 'spec', '--repo', repo], repo)).toEqual({
      code: 2,
      stdout: '',
      stderr: 'specflow: spec "../auth": must not be ".." (see "specflow list --specs")\n',
    });
    await writeFiles(repo, { 'openspec/changes/auth/specs/auth/spec.md': DELTA });
    const both = await snapshotTree(repo);
    expect(await run(['validate', 'auth', '--repo', repo], repo)).toEqual({
      code: 2,
      stdout: '',
      stderr: 'specflow: validate: "auth" is both a change and a spec (pass --type change or --type spec)\n',
    });
    expect((await run(['validate', 'auth', '--type', 'change', '--repo', repo], repo)).stdout).toBe(
      'ok: change auth is valid (0 tasks, 1 delta file)\n',
    );
    expect(await snapshotTree(repo)).toEqual(both);
  });
});
