import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { demoAssets } from './assets.js';
import { briefList, patchedFiles } from './demo-agent.js';

const brief = '# task_003: x\n\n## Expected files to touch\n- `cli.js`\n\n## Verification\n- `node test.mjs cli-slug count`\n- `node test.mjs`\n\n## Done criteria\n- `not a command`\n';

describe('the demo agent reading its brief', () => {
  it('reads the backticked items of a section, and only of that section', () => {
    expect(briefList(brief, 'Verification')).toEqual(['node test.mjs cli-slug count', 'node test.mjs']);
    expect(briefList(brief, 'Expected files to touch')).toEqual(['cli.js']);
    expect(briefList(brief, 'Missing')).toEqual([]);
  });

  it('has a patch for every task of the sample change, each naming the files the task expects', async () => {
    const { models, planner } = demoAssets();
    const patches = (await readdir(join(models, 'tasks'))).sort();
    const tasks = (await readFile(join(planner, 'tasks.md'), 'utf8')).split('\n').filter((line) => line.startsWith('- [ ]'));
    expect(patches).toEqual(tasks.map((_, index) => `task_${String(index + 1).padStart(3, '0')}.patch`));
    for (const [index, line] of tasks.entries()) {
      const files = patchedFiles(await readFile(join(models, 'tasks', patches[index]!), 'utf8'));
      expect(files).toHaveLength(1);
      expect(line).toContain(`\`${files[0]}\``);
    }
  });
});
