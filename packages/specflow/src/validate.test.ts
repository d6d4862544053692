import { describe, expect, it } from 'vitest';
import { DIAGNOSTIC_RULES, formatDiagnostic, type DiagnosticCode } from './diagnostics.js';
import { validateChange } from './validate.js';
import { expectGolden, fixtureRepo, run, snapshotTree } from '../test/fixture-repo.js';

describe('specflow validate', () => {
  it('passes a valid change: exit 0 and one line', async () => {
    const repo = await fixtureRepo('basic');
    expect(await run(['validate', 'add-2fa', '--repo', repo], repo)).toEqual({
      code: 0,
      stdout: 'ok: change add-2fa is valid (4 tasks, 2 delta files)\n',
      stderr: '',
    });
  });

  it('reports every delta and task rule of a broken change, one line each, exit 1', async () => {
    const repo = await fixtureRepo('invalid');
    const { code, stdout, stderr } = await run(['validate', 'broken', '--repo', repo], repo);
    expect(code).toBe(1);
    expect(stderr).toBe('');
    await expectGolden(stdout, 'invalid', 'validate-broken.txt');
  });

  it('prints the findings as one JSON document with --json', async () => {
    const repo = await fixtureRepo('invalid');
    const { code, stdout } = await run(['validate', 'broken', '--repo', repo, '--json'], repo);
    expect(code).toBe(1);
    await expectGolden(stdout, 'invalid', 'validate-broken.json');
    const report = JSON.parse(stdout);
    expect(report).toMatchObject({ change: 'broken', valid: false, strict: false, errors: 23, warnings: 3, tasks: 4, deltas: 7 });
  });

  it('reports missing files and an empty task list', async () => {
    const repo = await fixtureRepo('invalid');
    const bare = await run(['validate', 'bare', '--repo', repo], repo);
    const empty = await run(['validate', 'no-tasks', '--repo', repo], repo);
    expect([bare.code, empty.code]).toEqual([1, 1]);
    await expectGolden(bare.stdout + empty.stdout, 'invalid', 'validate-bare-and-no-tasks.txt');
  });

  it('covers every rule with the fixtures', async () => {
    const repo = await fixtureRepo('invalid');
    const seen = new Set<DiagnosticCode>();
    for (const change of ['broken', 'bare', 'no-tasks']) {
      for (const found of (await validateChange({ repo, change })).diagnostics) seen.add(found.code);
    }
    expect([...seen].sort()).toEqual(Object.keys(DIAGNOSTIC_RULES).sort());
  });

  it('pins the line format: file:line: CODE "requirement": message (fix)', async () => {
    const repo = await fixtureRepo('invalid');
    const report = await validateChange({ repo, change: 'broken' });
    const noScenario = report.diagnostics.find((found) => found.code === 'REQ_NO_SCENARIO')!;
    expect(formatDiagnostic(noScenario)).toBe(
      'openspec/changes/broken/specs/auth/spec.md:4: REQ_NO_SCENARIO "Login": a requirement needs at least one "#### Scenario:" (add a scenario with WHEN/THEN)',
    );
    const warning = report.diagnostics.find((found) => found.code === 'DELTA_UNKNOWN_SECTION')!;
    expect(formatDiagnostic(warning)).toBe(
      'openspec/changes/broken/specs/auth/spec.md:48: warning DELTA_UNKNOWN_SECTION "Stray": this requirement is under "## Changes", not a delta section: archive ignores it (move it under "## ADDED|MODIFIED|REMOVED|RENAMED Requirements"; archive ignores other sections)',
    );
  });

  it('lets warnings pass, and fails on them with --strict', async () => {
    const repo = await fixtureRepo('basic');
    await run(['proposal', 'docs-only', '--repo', repo]);
    expect(await run(['validate', 'docs-only', '--repo', repo])).toMatchObject({
      code: 0,
      stdout: expect.stringMatching(/warning DELTA_NONE: .*\nok: change docs-only is valid \(4 tasks, 0 delta files, 1 warning\)\n$/),
    });
    expect(await run(['validate', 'docs-only', '--repo', repo, '--strict'])).toMatchObject({
      code: 1,
      stdout: expect.stringMatching(/\nchange docs-only is not valid: 0 errors, 1 warning \(--strict fails on warnings\)\n$/),
    });
  });

  it.each([
    ['an unknown change', ['validate', 'nope'], 'specflow: openspec/changes/nope: no such change folder (create it with "specflow proposal nope", or see "specflow list")\n'],
    ['a name that slugs to nothing', ['validate', '!!!'], 'specflow: change name "!!!": the slug is empty (only a-z and 0-9 are kept) (use a name with letters or digits, such as add-login)\n'],
  ])('exits 2 on %s and writes nothing', async (_name, argv, message) => {
    const repo = await fixtureRepo('basic');
    const before = await snapshotTree(repo);
    expect(await run([...argv, '--repo', repo], repo)).toEqual({ code: 2, stdout: '', stderr: message });
    expect(await snapshotTree(repo)).toEqual(before);
  });
});
