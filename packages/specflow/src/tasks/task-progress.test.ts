import { execa } from 'execa';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { OPENSPEC_ENV, openspecBin } from '../../test/openspec-cli.js';
import { taskProgress } from './task-progress.js';

const TASKS = [
  '# Tasks',
  '## 1. Build',
  '- [x] 1.1 Done',
  '  - [ ] 1.1.1 Indented sub-step',
  '    - [X] 1.1.2 Deeper, done',
  '* [ ] 1.2 Star bullet',
  '+ [~] 1.3 Started marker counts as open',
  '1. [ ] Ordered list item',
  '2) [x] Ordered with paren',
  '- [] Empty box',
  '- [Link](./doc.md) is no task',
  '- plain bullet is no task',
  '```',
  '- [ ] fenced example counts, as in OpenSpec',
  '```',
  '',
].join('\r\n');

describe('taskProgress', () => {
  it('counts nested, indented and every marker as OpenSpec does', () => {
    expect(taskProgress(TASKS)).toEqual({ done: 3, total: 9 });
    expect(taskProgress(undefined)).toEqual({ done: 0, total: 0 });
  });

  const dirs: string[] = [];
  afterAll(async () => Promise.all(dirs.map((dir) => rm(dir, { recursive: true, force: true }))));

  it('agrees with "openspec list --json" on the same tasks.md', async () => {
    const repo = await mkdtemp(join(tmpdir(), 'specflow-progress-'));
    dirs.push(repo);
    await mkdir(join(repo, 'openspec', 'changes', 'counted', 'specs'), { recursive: true });
    await mkdir(join(repo, 'openspec', 'specs'), { recursive: true });
    await writeFile(join(repo, 'openspec', 'config.yaml'), 'schema: spec-driven\n');
    await writeFile(join(repo, 'openspec', 'changes', 'counted', 'proposal.md'), '## Why\nx\n');
    await writeFile(join(repo, 'openspec', 'changes', 'counted', 'tasks.md'), TASKS);
    const { stdout } = await execa(openspecBin(), ['list', '--json'], { cwd: repo, env: OPENSPEC_ENV });
    const listed = JSON.parse(stdout).changes.find((change: { name: string }) => change.name === 'counted');
    expect({ done: listed.completedTasks, total: listed.totalTasks }).toEqual(taskProgress(TASKS));
  });
});
