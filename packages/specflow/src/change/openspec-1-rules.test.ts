import { tempDir, writeFiles } from '@planwright/test-utils';
import { describe, expect, it } from 'vitest';
import { run } from '../../test/fixture-repo.js';
import { validateChange } from '../validate.js';

const ADDED = [
  '## ADDED Requirements',
  '',
  '### Requirement: Export',
  'The system SHALL export reports as CSV.',
  '',
  '#### Scenario: Download',
  '- **WHEN** a user exports',
  '- **THEN** a CSV file is downloaded',
  '',
].join('\n');

/** An OpenSpec 1.x repository (config.yaml) with `files` added. */
async function openspecOneRepo(files: Record<string, string>): Promise<string> {
  const repo = await tempDir('specflow-os1-');
  await writeFiles(repo, { 'openspec/config.yaml': 'schema: spec-driven\n', 'openspec/specs/.gitkeep': '', ...files });
  return repo;
}

describe('validate in an OpenSpec 1.x repository: OpenSpec\'s change rules', () => {
  it('needs no proposal.md or tasks.md: only deltas are checked, as openspec validate does', async () => {
    const repo = await openspecOneRepo({ 'openspec/changes/reports/specs/reports/spec.md': ADDED });
    const report = await validateChange({ repo, change: 'reports', strict: true });
    expect(report).toMatchObject({ valid: true, errors: 0, warnings: 0, tasks: 0, deltas: 1, diagnostics: [] });
  });

  it('gives a proposal without a "# " title as info, which --strict does not fail', async () => {
    const repo = await openspecOneRepo({
      'openspec/changes/reports/proposal.md': '## Why\nUsers need reports.\n\n## What Changes\n- CSV export\n',
      'openspec/changes/reports/specs/reports/spec.md': ADDED,
    });
    const { code, stdout } = await run(['validate', 'reports', '--strict', '--repo', repo], repo);
    expect(code).toBe(0);
    expect(stdout).toBe(
      'openspec/changes/reports/proposal.md:1: info PROPOSAL_NO_TITLE: proposal.md has no "# " title (start proposal.md with "# <title>" if you like; OpenSpec does not require it)\n' +
        'ok: change reports is valid (0 tasks, 1 delta file)\n',
    );
    expect(await validateChange({ repo, change: 'reports', strict: true })).toMatchObject({ valid: true, info: 1 });
  });

  it('fails a change without deltas unless .openspec.yaml sets skip_specs: true', async () => {
    const repo = await openspecOneRepo({
      'openspec/changes/refactor/tasks.md': '- [ ] 1.1 Tidy up\n',
      'openspec/changes/docs-only/.openspec.yaml': 'schema: spec-driven\ncreated: 2026-12-06\nskip_specs: true\n',
      'openspec/changes/docs-only/tasks.md': '- [ ] 1.1 Write docs\n',
    });
    const refactor = await validateChange({ repo, change: 'refactor' });
    expect(refactor.valid).toBe(false);
    expect(refactor.diagnostics.map(({ code, severity }) => [code, severity])).toEqual([['DELTA_NONE', 'error']]);
    expect(refactor.diagnostics[0]!.fix).toContain('skip_specs: true');
    expect(await validateChange({ repo, change: 'docs-only', strict: true })).toMatchObject({ valid: true, diagnostics: [] });
  });

  it('warns, as OpenSpec does, about a tasks.md of list items without checkboxes and a task in the wrong group', async () => {
    const repo = await openspecOneRepo({
      'openspec/changes/unboxed/tasks.md': '# Tasks\n```\n- fenced item\n```\n- item without box\n',
      'openspec/changes/unboxed/specs/reports/spec.md': ADDED,
      'openspec/changes/misgrouped/tasks.md': '## 1. Build\n- [ ] 1.1 Build it\n- [ ] 2.1 Test it\n',
      'openspec/changes/misgrouped/specs/reports/spec.md': ADDED,
    });
    const unboxed = await validateChange({ repo, change: 'unboxed', strict: true });
    expect(unboxed.diagnostics.map(({ code, severity, line }) => [code, severity, line])).toEqual([['TASKS_NO_CHECKBOX', 'warning', 5]]);
    expect(unboxed.valid).toBe(false);
    expect((await validateChange({ repo, change: 'unboxed' })).valid).toBe(true);
    const misgrouped = await validateChange({ repo, change: 'misgrouped', strict: true });
    expect(misgrouped.diagnostics.map(({ code, line, message }) => [code, line, message])).toEqual([
      ['TASK_GROUP_MISMATCH', 3, 'task "2.1" is under group 1, but its number points to group 2'],
    ]);
  });

  it('reports an unread delta file instead of "no deltas", as OpenSpec does', async () => {
    const repo = await openspecOneRepo({ 'openspec/changes/root-spec/specs/spec.md': ADDED });
    const report = await validateChange({ repo, change: 'root-spec' });
    expect(report.diagnostics.map((found) => found.code)).toEqual(['DELTA_FILE_UNREAD']);
    expect(report.valid).toBe(false);
  });

  it('reports skip_specs with files under specs/, and a marker in invalid metadata', async () => {
    const repo = await openspecOneRepo({
      'openspec/changes/both/.openspec.yaml': 'schema: spec-driven\nskip_specs: true\n',
      'openspec/changes/both/specs/reports/spec.md': ADDED,
      'openspec/changes/no-schema/.openspec.yaml': 'skip_specs: true\n',
      'openspec/changes/unknown-schema/.openspec.yaml': 'schema: my-flow\nskip_specs: true\n',
      'openspec/changes/not-boolean/.openspec.yaml': 'schema: spec-driven\nskip_specs: "yes"\n',
    });
    const codes = async (change: string) => (await validateChange({ repo, change })).diagnostics.map((found) => found.code);
    expect(await codes('both')).toEqual(['CHANGE_SKIP_SPECS_CONFLICT']);
    expect(await codes('no-schema')).toEqual(['CHANGE_METADATA_INVALID', 'DELTA_NONE']);
    expect(await codes('unknown-schema')).toEqual(['CHANGE_METADATA_INVALID', 'DELTA_NONE']);
    expect(await codes('not-boolean')).toEqual(['CHANGE_METADATA_INVALID', 'DELTA_NONE']);
    const [found] = (await validateChange({ repo, change: 'unknown-schema' })).diagnostics;
    expect(found).toMatchObject({ file: 'openspec/changes/unknown-schema/.openspec.yaml', message: expect.stringContaining("unknown schema 'my-flow'") });
  });

  it('takes a change folder by the name as written: upper case, unicode; slugs only as the kit fallback', async () => {
    const repo = await openspecOneRepo({
      'openspec/changes/Add-Export/specs/reports/spec.md': ADDED,
      'openspec/changes/添加导出/specs/reports/spec.md': ADDED,
      'openspec/changes/add-2fa/specs/reports/spec.md': ADDED,
    });
    expect((await validateChange({ repo, change: 'Add-Export' })).change).toBe('Add-Export');
    expect((await validateChange({ repo, change: '添加导出' })).change).toBe('添加导出');
    expect((await validateChange({ repo, change: 'Add 2FA' })).change).toBe('add-2fa');
  });

  it('refuses a name that is not one folder: exit 2, one line naming it', async () => {
    const repo = await openspecOneRepo({});
    expect(await run(['validate', '../x', '--repo', repo], repo)).toEqual({
      code: 2,
      stdout: '',
      stderr:
        'specflow: change name "../x": must not contain "/" or "\\" (pass the name of a folder under openspec/changes/, as "specflow list" shows it)\n',
    });
  });
});
