import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { writeFileAtomic } from '@planwright/plan-schema';
import { tempPlanRepo } from '@planwright/test-utils';
import { describe, expect, it, onTestFinished } from 'vitest';
import { boardPaths } from '../state/locate.js';
import { watchBoardFiles } from './watch-files.js';

describe('watchBoardFiles', () => {
  it('calls onChange once for a burst, on plan.json replaced atomically and on files of a run that appeared later', async () => {
    const repo = await tempPlanRepo({ plan: { tasks: [] } });
    const paths = boardPaths({ repo: repo.repo, pr: 'pr-1' });
    let changes = 0;
    const watch = watchBoardFiles({ paths, debounceMs: 30, onChange: () => changes++ });
    onTestFinished(() => watch.close());
    await expect.poll(() => watch.folders()).toContain(repo.planDir);

    for (let i = 0; i < 5; i++) await writeFileAtomic(repo.planFile, `{"tasks":[],"n":${i}}\n`);
    await expect.poll(() => changes).toBe(1);

    const runDir = join(repo.planDir, 'runs', '20261201-100000-7');
    await mkdir(join(runDir, 'results'), { recursive: true });
    await expect.poll(() => watch.folders()).toContain(join(runDir, 'results'));
    const before = changes;
    await writeFile(join(runDir, 'results', 'a.json'), '{}');
    await expect.poll(() => changes).toBeGreaterThan(before);
  });
});
