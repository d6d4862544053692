import { readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { git, tempGitRepo } from '@planwright/test-utils';
import { execa } from 'execa';
import { describe, expect, it } from 'vitest';
import { closeWindow, openWindow, overlapping } from './task-windows.js';

const ids = (windows: { task_id: string }[]) => windows.map((window) => window.task_id).sort();

describe('task windows', () => {
  it('see the tasks that ran beside one, of any orchestrator, and forget those that can no longer matter', async () => {
    const repo = await tempGitRepo({ files: { 'a.txt': 'a' } });
    const dir = join(await git(repo, ['rev-parse', '--absolute-git-dir']), 'planwright-tasks');
    const open = (id: string) => openWindow({ codeDir: repo, task: { id, expected_files: [`${id}.txt`] }, before: 'tree' });
    const early = await open('early');
    await closeWindow(early);
    const mine = await open('mine');
    const beside = await open('beside');
    await closeWindow(beside);
    const later = await open('later');
    // An orchestrator that died with its task open (its pid is gone) claims nothing.
    const dead = execa('node', ['-e', '0']);
    await dead;
    await writeFile(join(dir, `${dead.pid}-1-crashed.json`), JSON.stringify({ task_id: 'crashed', pid: dead.pid, names: ['c.txt'], start: Date.now(), end: null }));

    expect(ids(await overlapping(mine))).toEqual(['beside', 'later']);
    // `early` ended before any open window started, and `crashed` has no orchestrator: their files are gone.
    expect((await readdir(dir)).map((name) => name.replace(/^\d+-\d+-/, '')).sort()).toEqual(['beside.json', 'later.json', 'mine.json']);
    await closeWindow(mine);
    expect(ids(await overlapping(later))).toEqual(['mine']);
    expect((await readdir(dir)).map((name) => name.replace(/^\d+-\d+-/, '')).sort()).toEqual(['later.json', 'mine.json']);
  });
});
