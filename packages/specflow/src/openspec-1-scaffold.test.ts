import { tempDir, writeFiles } from '@planwright/test-utils';
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { run, snapshotTree } from '../test/fixture-repo.js';
import { listArchived, listChanges } from './list.js';
import { showItem } from './show.js';
import { openspecConfigTemplate, proposalTemplateOpenspec1 } from './templates-openspec-1.js';
import { tasksTemplate } from './templates.js';

const read = (repo: string, path: string) => readFile(`${repo}/${path}`, 'utf8');

describe('init --layout openspec-1', () => {
  it('makes what "openspec init" makes, minus AI-tool files, and says which layout it made', async () => {
    const repo = await tempDir();
    const { code, stdout } = await run(['init', '--layout', 'openspec-1', '--repo', repo], repo);
    expect(code).toBe(0);
    expect(stdout).toBe(
      [
        'created openspec/config.yaml',
        'created openspec/specs/.gitkeep',
        'created openspec/changes/archive/.gitkeep',
        'layout: openspec-1 (OpenSpec 1.x: openspec/config.yaml, archives in openspec/changes/archive/)',
        '',
      ].join('\n'),
    );
    expect(await snapshotTree(repo)).toEqual({
      openspec: '<dir>',
      'openspec/specs': '<dir>',
      'openspec/changes': '<dir>',
      'openspec/changes/archive': '<dir>',
      'openspec/config.yaml': openspecConfigTemplate(),
      'openspec/specs/.gitkeep': '',
      'openspec/changes/archive/.gitkeep': '',
    });
    // Again without --layout: the repository's layout is kept, nothing is rewritten.
    expect(JSON.parse((await run(['init', '--json', '--repo', repo], repo)).stdout)).toMatchObject({
      layout: 'openspec-1',
      files: [{ outcome: 'kept' }, { outcome: 'kept' }, { outcome: 'kept' }],
    });
  });

  it('refuses the other layout in a repository that has one: exit 2, nothing changed', async () => {
    const repo = await tempDir();
    await run(['init', '--repo', repo]);
    const before = await snapshotTree(repo);
    expect(await run(['init', '--layout', 'openspec-1', '--repo', repo], repo)).toEqual({
      code: 2,
      stdout: '',
      stderr:
        'specflow: --layout openspec-1: openspec/ already has the kit layout (openspec/project.md); nothing was changed (run init with --layout kit, or without --layout)\n',
    });
    expect(await snapshotTree(repo)).toEqual(before);
    const bad = await run(['init', '--layout', 'openspec-2', '--repo', repo], repo);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toBe('specflow: Invalid values: Argument: layout, Given: "openspec-2", Choices: "kit", "openspec-1" (see specflow --help)\n');
    expect(await snapshotTree(repo)).toEqual(before);
  });
});

describe('proposal in an OpenSpec 1.x repository', () => {
  it('writes .openspec.yaml as "openspec new change" does and a Why / What Changes / Impact proposal', async () => {
    const repo = await tempDir();
    await run(['init', '--layout', 'openspec-1', '--repo', repo]);
    const { code, stdout } = await run(['proposal', 'Add Export', '--repo', repo], repo);
    expect(code).toBe(0);
    expect(stdout.split('\n').slice(0, 4)).toEqual([
      'created openspec/changes/add-export/.openspec.yaml',
      'created openspec/changes/add-export/proposal.md',
      'created openspec/changes/add-export/tasks.md',
      'created openspec/changes/add-export/design.md',
    ]);
    expect(await read(repo, 'openspec/changes/add-export/.openspec.yaml')).toMatch(/^schema: spec-driven\ncreated: \d{4}-\d{2}-\d{2}\n$/);
    expect(await read(repo, 'openspec/changes/add-export/proposal.md')).toBe(proposalTemplateOpenspec1('add-export'));
    expect(proposalTemplateOpenspec1('x').match(/^## .*$/gm)).toEqual(['## Why', '## What Changes', '## Capabilities', '## Impact']);
    expect(await read(repo, 'openspec/changes/add-export/tasks.md')).toBe(tasksTemplate());
  });

  it('takes the schema from config.yaml; a malformed config.yaml is exit 2 with nothing written', async () => {
    const repo = await tempDir();
    await writeFiles(repo, { 'openspec/config.yaml': 'schema: [oops\n' });
    const before = await snapshotTree(repo);
    const { code, stdout, stderr } = await run(['proposal', 'x', '--repo', repo], repo);
    expect({ code, stdout }).toEqual({ code: 2, stdout: '' });
    expect(stderr).toMatch(/^specflow: openspec\/config\.yaml: not valid YAML \(.+\) \(fix the file, or compare it with what "specflow init --layout openspec-1" writes\)\n$/);
    await writeFiles(repo, { 'openspec/config.yaml': 'schema: 42\n' });
    expect((await run(['proposal', 'x', '--repo', repo], repo)).stderr).toBe(
      'specflow: openspec/config.yaml: schema: must be a schema name such as spec-driven (write "schema: spec-driven")\n',
    );
    expect(await snapshotTree(repo)).toEqual({ ...before, 'openspec/config.yaml': 'schema: 42\n' });
  });
});

describe('plan, list and show in an OpenSpec 1.x repository', () => {
  it('takes the goal from the Why section; briefs and CONTEXT.md use config.yaml\'s context, not project.md', async () => {
    const repo = await tempDir();
    await writeFiles(repo, {
      'openspec/config.yaml': 'schema: spec-driven\ncontext: |\n  TypeScript monorepo.\n  Tests with vitest.\n',
      'openspec/changes/add-export/proposal.md': '## Why\n\nUsers copy reports by hand;\nthey need a CSV export.\n\n## What Changes\n- Export\n',
      'openspec/changes/add-export/tasks.md': '## 1. Build\n- [ ] 1.1 Add the exporter\n  * [ ] 1.2 A star-bullet sub-task\n',
    });
    expect((await run(['plan', 'add-export', '--repo', repo], repo)).code).toBe(0);
    const plan = JSON.parse(await read(repo, '.plans/add-export/plan.json'));
    expect(plan.goal).toBe('Users copy reports by hand; they need a CSV export.');
    expect(plan.tasks.map((task: { title: string }) => task.title)).toEqual(['1.1 Add the exporter', '1.2 A star-bullet sub-task']);
    expect(plan.tasks[0].description).toContain('Follow `.plans/add-export/CONTEXT.md`.');
    // sync-tasks numbers the same boxes as plan did, the star bullet included: no drift.
    expect((await run(['sync-tasks', 'add-export', '--check', '--repo', repo], repo)).code).toBe(0);
    const context = await read(repo, '.plans/add-export/CONTEXT.md');
    expect(context).not.toContain('project.md');
    expect(context).toContain('- Project context (`openspec/config.yaml`, `context:`):\n  > TypeScript monorepo.\n  > Tests with vitest.\n');
  });

  it('counts tasks as OpenSpec does and finds archived changes in openspec/changes/archive/', async () => {
    const repo = await tempDir();
    await writeFiles(repo, {
      'openspec/config.yaml': 'schema: spec-driven\n',
      'openspec/changes/add-export/tasks.md': '- [x] 1.1 Done\n  - [ ] 1.1.1 Nested\n1. [~] Started\n',
      'openspec/changes/archive/2026-01-02-old-change/proposal.md': '# Old change\n',
      'openspec/changes/archive/2026-01-02-old-change/tasks.md': '- [x] 1.1 Done\n',
    });
    expect(await listChanges({ repo })).toEqual([
      { name: 'add-export', dir: 'openspec/changes/add-export', tasks: { done: 1, total: 3 }, capabilities: [] },
    ]);
    expect(await listArchived({ repo })).toEqual([
      { name: '2026-01-02-old-change', dir: 'openspec/changes/archive/2026-01-02-old-change', title: 'Old change', tasks: { done: 1, total: 1 } },
    ]);
    const shown = await showItem({ repo, name: 'old-change' });
    expect(shown).toMatchObject({ type: 'change', change: { name: '2026-01-02-old-change', archived: true, progress: { done: 1, total: 1 } } });
    expect((await run(['show', 'add-export', '--repo', repo], repo)).stdout).toContain('openspec/changes/add-export: 1/3 tasks done');
    await writeFiles(repo, { 'openspec/changes/add-export/.openspec.yaml': 'schema: spec-driven\ncreated: 2026-12-06\n' });
    expect(await showItem({ repo, name: 'add-export' })).toMatchObject({
      change: { metadata: { schema: 'spec-driven', created: '2026-12-06', skipSpecs: false } },
    });
  });
});
