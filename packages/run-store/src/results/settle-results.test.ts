import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { tempDir } from '@planwright/test-utils';
import { describe, expect, it } from 'vitest';
import { prepareRunDir } from '../layout/prepare-run-dir.js';
import { settleResults } from './settle-results.js';

const RUN = '20261124-101500-4242-ab12';
const results = (runId = RUN) => ({ task_id: 't1', run_id: runId, status: 'completed', summary: 'did it' });

/** A repo with its run folder inside (.plans/pr-1/runs/<run>), as the default run root puts it. */
async function repoWithRun() {
  const repo = await tempDir();
  const layout = await prepareRunDir({ runsRoot: join(repo, '.plans', 'pr-1', 'runs'), handshake: 'results-json' });
  return { repo, layout };
}

const read = async (file: string) => JSON.parse(await readFile(file, 'utf8'));

describe('settleResults', () => {
  it('rewrites results read with repairs as plain JSON, with `repaired`', async () => {
    const { repo, layout } = await repoWithRun();
    await writeFile(layout.resultsPath('t1'), `\`\`\`json\n${JSON.stringify(results()).replace(/}$/, ',}')}\n\`\`\`\n`);
    expect(await settleResults(layout, { taskId: 't1', runId: RUN, codeDir: repo })).toMatchObject({ state: 'valid', results: { repaired: ['code_fence', 'trailing_commas'] } });
    expect(await read(layout.resultsPath('t1'))).toEqual({ ...results(), repaired: ['code_fence', 'trailing_commas'] });
  });

  it.each([
    ['results/<id>.json in the code dir', (repo: string) => join(repo, 'results', 't1.json')],
    ['<id>.json in the repo root', (repo: string) => join(repo, 't1.json')],
  ])('moves a file written as %s into the run folder, with a note', async (_name, where) => {
    const { repo, layout } = await repoWithRun();
    const stray = where(repo);
    await mkdir(join(stray, '..'), { recursive: true });
    await writeFile(stray, JSON.stringify(results()));
    const check = await settleResults(layout, { taskId: 't1', runId: RUN, codeDir: repo });
    expect(check).toMatchObject({ state: 'valid', results: { moved_from: stray } });
    expect(await read(layout.resultsPath('t1'))).toMatchObject({ ...results(), moved_from: stray, note: expect.stringContaining(stray) });
    expect(existsSync(stray)).toBe(false);
  });

  it("finds the file at the run folder's path inside a worktree (the brief's path taken relative to the code dir)", async () => {
    const { repo, layout } = await repoWithRun();
    const worktree = await tempDir();
    const stray = join(worktree, layout.resultsPath('t1').slice(repo.length + 1));
    await mkdir(join(stray, '..'), { recursive: true });
    await writeFile(stray, JSON.stringify(results()));
    expect(await settleResults(layout, { taskId: 't1', runId: RUN, codeDir: worktree, repoRoot: repo })).toMatchObject({ state: 'valid', results: { moved_from: stray } });
    expect(existsSync(stray)).toBe(false);
  });

  it('never moves or trusts a misplaced file of another run, and leaves it where it is', async () => {
    const { repo, layout } = await repoWithRun();
    const stray = join(repo, 't1.json');
    await writeFile(stray, JSON.stringify(results('20200101-000000-1-0000')));
    await writeFile(layout.resultsPath('t1'), JSON.stringify(results('20200101-000000-1-0000')));
    expect(await settleResults(layout, { taskId: 't1', runId: RUN, codeDir: repo })).toMatchObject({ state: 'stale', mismatch: ['run_id'] });
    expect(existsSync(stray)).toBe(true);
    expect((await read(layout.resultsPath('t1'))).run_id).toBe('20200101-000000-1-0000');
  });

  it('is missing when nothing was written anywhere', async () => {
    const { repo, layout } = await repoWithRun();
    expect(await settleResults(layout, { taskId: 't1', runId: RUN, codeDir: repo })).toEqual({ state: 'missing' });
  });
});
