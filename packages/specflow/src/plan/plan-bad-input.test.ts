import { writeFiles } from '@planwright/test-utils';
import { describe, expect, it } from 'vitest';
import { fixtureRepo, run, snapshotTree } from '../../test/fixture-repo.js';

describe('specflow plan: bad input exits 2 and writes nothing', () => {
  const overrides = '{\n  "default_verify": ["npm test"],\n  "by_task_id": {\n    "task_001": { "verify": ["x"], }\n  }\n}\n';
  it.each([
    ['an unknown change', ['plan', 'nope'], {}, 'specflow: openspec/changes/nope: no such change folder (create it with "specflow proposal nope", or see "specflow list")'],
    ['a change name that slugs to nothing', ['plan', '???'], {}, 'specflow: change name "???": the slug is empty (only a-z and 0-9 are kept) (use a name with letters or digits, such as add-login)'],
    ['a --pr that slugs to nothing', ['plan', 'add-2fa', '--pr', '!!!'], {}, 'specflow: --pr "!!!": the slug is empty (only a-z and 0-9 are kept) (use a name with letters or digits, such as add-login)'],
    ['malformed overrides JSON', ['plan', 'add-2fa', '--verify-overrides', 'overrides.json'], { 'overrides.json': overrides }, 'specflow: overrides.json:4:36: invalid JSON: trailing comma before \'}\' (fix the JSON syntax at that position)'],
    ['overrides of the wrong shape', ['plan', 'add-2fa', '--verify-overrides', 'o.json'], { 'o.json': '{"by_task_id": {"task_001": {"verify": "npm test"}}}' }, 'specflow: o.json: by_task_id.task_001.verify: expected an array, got "npm test" (keys: default_verify [commands], by_task_id {id: {verify, expected_files, done_criteria, title, description}}, by_title {...})'],
    ['an overrides file that is missing', ['plan', 'add-2fa', '--verify-overrides', 'missing.json'], {}, 'specflow: missing.json: no such file (check the path given to --verify-overrides)'],
    ['tasks.md with a bad dependency', ['plan', 'add-2fa'], { 'openspec/changes/add-2fa/tasks.md': '- [ ] 1.1 A (after 7.7)\n' }, 'specflow: openspec/changes/add-2fa/tasks.md:1: TASK_UNKNOWN_DEPENDENCY: "1.1 A" depends on "7.7", which is no task of this file (name a task of this file by its number such as 1.1, spec-kit id such as T001, or plan id such as task_001; nothing was written)'],
    ['tasks.md without tasks', ['plan', 'add-2fa'], { 'openspec/changes/add-2fa/tasks.md': '# Tasks\n' }, 'specflow: openspec/changes/add-2fa/tasks.md: TASKS_EMPTY: no tasks found: no "- [ ] ..." line (add checkbox lines such as "- [ ] 1.1 First step"; nothing was written)'],
  ])('%s', async (_name, argv, files, message) => {
    const repo = await fixtureRepo('basic');
    await writeFiles(repo, files);
    const before = await snapshotTree(repo);
    // Relative paths of --verify-overrides start from the current folder, as in the kit.
    const cwd = process.cwd();
    process.chdir(repo);
    try {
      expect(await run([...argv, '--repo', repo], repo)).toEqual({ code: 2, stdout: '', stderr: `${message}\n` });
    } finally {
      process.chdir(cwd);
    }
    expect(await snapshotTree(repo)).toEqual(before);
  });
});
