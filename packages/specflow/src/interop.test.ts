import { tempDir, writeFiles } from '@planwright/test-utils';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { requireOpenspec, runOpenspec } from '../test/differential/openspec-cli.js';
import { run } from '../test/fixture-repo.js';
import { localDate } from './layout/openspec-layout.js';

// Interop with the real OpenSpec CLI, both ways: a repository OpenSpec set up, used by planwright; and one
// planwright set up, used by OpenSpec. Each openspec call costs a second or two, so they are few.

const DELTA = [
  '## ADDED Requirements',
  '',
  '### Requirement: CSV Export',
  'The system SHALL export a report as a CSV file.',
  '',
  '#### Scenario: Export a report',
  '- **WHEN** a user exports a report',
  '- **THEN** a CSV file with its rows is downloaded',
  '',
].join('\n');
const TASKS = '## 1. Build\n- [x] 1.1 Add the exporter\n  - [x] 1.1.1 Quote fields\n';

async function openspec(repo: string, args: string[]) {
  await requireOpenspec();
  return runOpenspec(args, repo, await tempDir('openspec-home-'));
}

const read = (repo: string, path: string) => readFile(join(repo, path), 'utf8');

describe('a repository made by "openspec init", used by planwright', () => {
  it('proposal, validate, list, show and archive follow OpenSpec 1.x\'s layout', async () => {
    const repo = await tempDir('interop-os-');
    const init = await openspec(repo, ['init', '--tools', 'none', '.']);
    expect(init.exitCode, init.stderr).toBe(0);
    expect((await run(['proposal', 'add-export', '--repo', repo], repo)).code).toBe(0);
    expect(await read(repo, 'openspec/changes/add-export/.openspec.yaml')).toBe(`schema: spec-driven\ncreated: ${localDate(new Date())}\n`);
    await writeFiles(repo, {
      'openspec/changes/add-export/specs/reports/spec.md': DELTA,
      'openspec/changes/add-export/tasks.md': TASKS,
    });
    expect(await run(['validate', 'add-export', '--strict', '--repo', repo], repo)).toMatchObject({
      code: 0,
      stdout: 'ok: change add-export is valid (2 tasks, 1 delta file)\n',
    });
    expect((await run(['list', '--repo', repo], repo)).stdout).toBe('add-export  2/2 tasks  specs: reports  Proposal: add-export\n');
    expect((await run(['show', 'add-export', '--repo', repo], repo)).stdout).toContain('spec reports: + CSV Export');
    const archived = JSON.parse((await run(['archive', 'add-export', '--json', '--repo', repo], repo)).stdout);
    const folder = `${localDate(new Date())}-add-export`;
    expect(archived.archivedTo).toBe(`openspec/changes/archive/${folder}`);
    expect((await readdir(join(repo, 'openspec', 'changes', 'archive'))).sort()).toEqual(['.gitkeep', folder]);
    // OpenSpec reads the result as its own: the new spec validates and the archive is listed.
    const validated = await openspec(repo, ['validate', 'reports', '--type', 'spec', '--json']);
    expect(JSON.parse(validated.stdout).items[0]).toMatchObject({ id: 'reports', valid: true });
    expect((await run(['list', '--archived', '--repo', repo], repo)).stdout).toBe(`${folder}  2/2 tasks  Proposal: add-export\n`);
  });
});

describe('a repository made by "planwright init --layout openspec-1" and "proposal", used by OpenSpec', () => {
  it('openspec list, show, validate and archive accept it', async () => {
    const repo = await tempDir('interop-pw-');
    expect((await run(['init', '--layout', 'openspec-1', '--repo', repo], repo)).code).toBe(0);
    expect((await run(['proposal', 'add-export', '--repo', repo], repo)).code).toBe(0);
    await writeFiles(repo, {
      'openspec/changes/add-export/specs/reports/spec.md': DELTA,
      'openspec/changes/add-export/tasks.md': TASKS,
    });
    const list = await openspec(repo, ['list', '--json']);
    expect(JSON.parse(list.stdout).changes).toMatchObject([{ name: 'add-export', completedTasks: 2, totalTasks: 2 }]);
    const show = await openspec(repo, ['show', 'add-export', '--json', '--type', 'change']);
    expect(show.exitCode, show.stderr).toBe(0);
    expect(JSON.parse(show.stdout)).toMatchObject({ id: 'add-export', deltaCount: 1 });
    const validate = await openspec(repo, ['validate', 'add-export', '--strict', '--json']);
    expect(JSON.parse(validate.stdout).items[0]).toMatchObject({ id: 'add-export', valid: true });
    const archive = await openspec(repo, ['archive', 'add-export', '-y']);
    expect(archive.exitCode, archive.stderr).toBe(0);
    expect(await read(repo, 'openspec/specs/reports/spec.md')).toContain('### Requirement: CSV Export');
    const folder = `${localDate(new Date())}-add-export`;
    expect(await readdir(join(repo, 'openspec', 'changes', 'archive'))).toContain(folder);
    // And planwright still reads what OpenSpec left: the spec validates, the archive is found.
    expect((await run(['validate', '--specs', '--repo', repo], repo)).code).toBe(0);
    expect((await run(['show', 'add-export', '--json', '--repo', repo], repo)).stdout).toContain('"archived": true');
  });
});
