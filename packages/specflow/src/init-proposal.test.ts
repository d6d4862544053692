import { tempDir, writeFiles } from '@planwright/test-utils';
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { createProposal } from './proposal.js';
import { designTemplate, projectTemplate, proposalTemplate, tasksTemplate } from './templates.js';
import { run, snapshotTree } from '../test/fixture-repo.js';

describe('specflow init', () => {
  it('creates openspec/ with project.md and kept folders (the kit test)', async () => {
    const repo = await tempDir();
    const { code, stdout } = await run(['--repo', repo, 'init'], repo);
    expect(code).toBe(0);
    expect(stdout).toBe(
      [
        'created openspec/project.md',
        'created openspec/specs/.gitkeep',
        'created openspec/changes/.gitkeep',
        'created openspec/archive/.gitkeep',
        '',
      ].join('\n'),
    );
    expect(await snapshotTree(repo)).toEqual({
      openspec: '<dir>',
      'openspec/specs': '<dir>',
      'openspec/changes': '<dir>',
      'openspec/archive': '<dir>',
      'openspec/project.md': projectTemplate(),
      'openspec/specs/.gitkeep': '',
      'openspec/changes/.gitkeep': '',
      'openspec/archive/.gitkeep': '',
    });
  });

  it('writes project.md with the sections the issue names, in order', () => {
    expect(projectTemplate().match(/^## .*$/gm)).toEqual([
      '## Overview',
      '## Tech stack',
      '## Conventions',
      '## Architecture constraints',
      '## Verification',
    ]);
  });

  it('keeps an edited project.md unless --force', async () => {
    const repo = await tempDir();
    await writeFiles(repo, { 'openspec/project.md': '# Mine\n' });
    expect((await run(['init', '--repo', repo], repo)).stdout).toContain('kept openspec/project.md\n');
    expect(await readFile(`${repo}/openspec/project.md`, 'utf8')).toBe('# Mine\n');
    const forced = await run(['init', '--repo', repo, '--force', '--json'], repo);
    expect(JSON.parse(forced.stdout).files[0]).toEqual({ file: 'openspec/project.md', outcome: 'overwritten' });
    expect(await readFile(`${repo}/openspec/project.md`, 'utf8')).toBe(projectTemplate());
  });
});

describe('specflow proposal', () => {
  it('scaffolds the change folder with the kit templates, named by the slug rule', async () => {
    const repo = await tempDir();
    await run(['init', '--repo', repo]);
    const { code, stdout } = await run(['proposal', '  Add Profile Filters!! ', '--repo', repo], repo);
    expect(code).toBe(0);
    expect(stdout).toBe(
      [
        'created openspec/changes/add-profile-filters/proposal.md',
        'created openspec/changes/add-profile-filters/tasks.md',
        'created openspec/changes/add-profile-filters/design.md',
        'next: fill in openspec/changes/add-profile-filters/proposal.md and tasks.md, add specs/<capability>/spec.md deltas, then validate it ("validate add-profile-filters")',
        '',
      ].join('\n'),
    );
    const dir = `${repo}/openspec/changes/add-profile-filters`;
    expect(await readFile(`${dir}/proposal.md`, 'utf8')).toBe(proposalTemplate('add-profile-filters'));
    expect(proposalTemplate('x').split('\n')[0]).toBe('# Change Proposal: x');
    expect(await readFile(`${dir}/tasks.md`, 'utf8')).toBe(tasksTemplate());
    expect(await readFile(`${dir}/design.md`, 'utf8')).toBe(designTemplate());
    expect((await snapshotTree(repo))['openspec/changes/add-profile-filters/specs']).toBe('<dir>');
  });

  it('writes the sections the issue names: proposal, numbered task groups, design', () => {
    expect(proposalTemplate('x').match(/^#{2,3} .*$/gm)).toEqual([
      '## Summary',
      '## Motivation',
      '## Scope',
      '### In scope',
      '### Out of scope',
      '## Acceptance criteria',
      '## Risks',
    ]);
    const tasks = tasksTemplate();
    expect(tasks.match(/^## .*$/gm)).toEqual(['## 1. Implementation', '## 2. Verification']);
    expect(tasks.match(/^- \[ \] .*$/gm)).toEqual([
      '- [ ] 1.1 First small step',
      '- [ ] 1.2 Second small step',
      '- [ ] 2.1 Add/adjust tests (if applicable)',
      '- [ ] 2.2 Run build/tests and fix issues',
    ]);
    expect(designTemplate().split('\n')[0]).toBe('# Design Notes');
  });

  it('keeps existing files unless --force', async () => {
    const repo = await tempDir();
    await run(['init', '--repo', repo]);
    await writeFiles(repo, { 'openspec/changes/x/tasks.md': '- [ ] mine\n' });
    const result = await createProposal({ repo, change: 'x' });
    expect(result.files.map((file) => file.outcome)).toEqual(['created', 'kept', 'created']);
    expect(await readFile(`${repo}/openspec/changes/x/tasks.md`, 'utf8')).toBe('- [ ] mine\n');
    await createProposal({ repo, change: 'x', force: true });
    expect(await readFile(`${repo}/openspec/changes/x/tasks.md`, 'utf8')).toBe(tasksTemplate());
  });

  it('exits 2 on a name that slugs to nothing, and writes nothing', async () => {
    const repo = await tempDir();
    await run(['init', '--repo', repo]);
    const before = await snapshotTree(repo);
    expect(await run(['proposal', '***', '--repo', repo], repo)).toEqual({
      code: 2,
      stdout: '',
      stderr: 'specflow: change name "***": the slug is empty (only a-z and 0-9 are kept) (use a name with letters or digits, such as add-login)\n',
    });
    expect(await snapshotTree(repo)).toEqual(before);
  });

  it('needs init first: exit 2, nothing written', async () => {
    const repo = await tempDir();
    const { code, stderr } = await run(['proposal', 'x', '--repo', repo], repo);
    expect(code).toBe(2);
    expect(stderr).toBe('specflow: openspec/project.md: missing (run "specflow init" first)\n');
    expect(await snapshotTree(repo)).toEqual({});
    // An openspec/ folder without project.md is not enough either, and gets no change folder.
    await writeFiles(repo, { 'openspec/changes/.gitkeep': '' });
    const before = await snapshotTree(repo);
    expect(await run(['proposal', 'x', '--repo', repo, '--force'], repo)).toMatchObject({ code: 2, stdout: '' });
    expect(await snapshotTree(repo)).toEqual(before);
  });
});
