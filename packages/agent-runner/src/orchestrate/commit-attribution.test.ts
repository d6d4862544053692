import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { git } from '@planwright/test-utils';
import { describe, expect, it } from 'vitest';
import { fakeTask, orchestratorFixture } from '../../test/fixture.js';

const task = (id: string, extra: Record<string, unknown>, ...directives: string[]) => ({ ...fakeTask(id, ...directives), ...extra });

/** The files of the commit whose subject starts with `<task id>:`. */
async function commitFiles(repo: string, taskId: string): Promise<string[]> {
  const sha = await git(repo, ['log', '--format=%H', `--grep=^${taskId}:`]);
  expect(sha, `no commit for ${taskId}`).toMatch(/^[0-9a-f]{40}$/);
  return (await git(repo, ['show', '--name-only', '--format=', sha])).split('\n').filter(Boolean).sort();
}

async function results(runDir: string, taskId: string): Promise<Record<string, unknown>> {
  return JSON.parse(await readFile(join(runDir, 'results', `${taskId}.json`), 'utf8'));
}

describe('--auto-verify --commit: a commit holds the work done while its task ran', () => {
  it('one task at a time: everything it changed, also files outside expected_files and files_changed; nothing else', async () => {
    const fixture = await orchestratorFixture([
      task('task_001', { title: 'Add one', expected_files: ['one.txt'], verify: ['test -f one.txt'] }, 'write one.txt 1', 'write-unlisted test/one.test.txt t'),
      task('task_002', { title: 'Add two', expected_files: ['two.txt'], verify: ['test -f two.txt'] }, 'write two.txt 2', 'write-unlisted package.json {}'),
    ]);
    // Work in progress before the run is the user's: no task's commit takes it.
    await writeFile(join(fixture.repo, 'README.md'), '# mine, not committed\n');
    const { result } = await fixture.run({ autoVerify: true, commit: true });
    expect(result.exitCode).toBe(0);
    expect(await commitFiles(fixture.repo, 'task_001')).toEqual(['one.txt', 'test/one.test.txt']);
    expect(await commitFiles(fixture.repo, 'task_002')).toEqual(['package.json', 'two.txt']);
    expect(await git(fixture.repo, ['status', '--porcelain', '--', 'README.md'])).toBe('M README.md');
    expect(await results(result.runDir!, 'task_001')).toMatchObject({ uncommitted_files: [] });
    expect(result.outcomes.map((outcome) => outcome.uncommittedFiles)).toEqual([[], []]);
  });

  it('two at once in two domains: each commit holds its own files; a file both name is left and reported', async () => {
    const fixture = await orchestratorFixture([
      task('task_a', { domain: 'a', expected_files: ['a.txt', 'shared.txt'], verify: ['true'] }, 'write a.txt a', 'write shared.txt from a'),
      task('task_b', { domain: 'b', expected_files: ['b.txt', 'shared.txt'], verify: ['true'] }, 'slow 1', 'write b.txt b', 'write-unlisted b.test.txt t', 'write shared.txt from b'),
    ]);
    const { result, events } = await fixture.run({ autoVerify: true, commit: true, concurrency: 2 });
    expect(result.exitCode).toBe(0);
    expect(await commitFiles(fixture.repo, 'task_a')).toEqual(['a.txt']);
    expect(await commitFiles(fixture.repo, 'task_b')).toEqual(['b.test.txt', 'b.txt']);
    expect(await git(fixture.repo, ['status', '--porcelain', '--', 'shared.txt'])).toBe('?? shared.txt');
    for (const id of ['task_a', 'task_b']) expect(await results(result.runDir!, id)).toMatchObject({ uncommitted_files: ['shared.txt'] });
    const notes = events.flatMap((event) => (event.type === 'warning' ? [event.message] : []));
    expect(notes).toContain('task_a: left uncommitted, named by another task running at the same time: shared.txt (also task_b)');
    expect(notes).toContain('task_b: left uncommitted, named by another task running at the same time: shared.txt (also task_a)');
  });
});
