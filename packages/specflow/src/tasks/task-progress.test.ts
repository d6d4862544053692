import { tempDir, writeFiles } from '@planwright/test-utils';
import { describe, expect, it } from 'vitest';
import { requireOpenspec, runOpenspec } from '../../test/differential/openspec-cli.js';
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

  it('agrees with "openspec list --json" on the same tasks.md', async () => {
    const repo = await tempDir('specflow-progress-');
    await writeFiles(repo, {
      'openspec/config.yaml': 'schema: spec-driven\n',
      'openspec/specs/.gitkeep': '',
      'openspec/changes/counted/proposal.md': '## Why\nx\n',
      'openspec/changes/counted/tasks.md': TASKS,
    });
    await requireOpenspec();
    const { stdout } = await runOpenspec(['list', '--json'], repo, await tempDir('openspec-home-'));
    const listed = JSON.parse(stdout).changes.find((change: { name: string }) => change.name === 'counted');
    expect({ done: listed.completedTasks, total: listed.totalTasks }).toEqual(taskProgress(TASKS));
  });
});
