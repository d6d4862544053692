import { describe, expect, it } from 'vitest';
import { attribute, closeWindow, openWindow, overlapping } from './attribution.js';

const root = '/repo';

describe('attribute', () => {
  it("gives a task every change but the plan and run folders and what a task beside it names; files both name are reported", () => {
    const run = {};
    const mine = openWindow(run, { id: 'a', expected_files: ['src/a.ts', 'shared.json', 'docs/'] }, 'tree0');
    const other = openWindow(run, { id: 'b', expected_files: ['src/b/**/*.ts', 'shared.json', 'b?.txt'] }, 'tree0');
    const split = attribute({
      changed: ['.plans/pr-1/plan.json', 'docs/x.md', 'runs/pr-1/r1/meta.json', 'src/a.ts', 'src/b/deep/x.ts', 'b1.txt', 'shared.json', 'stray.txt'],
      window: mine,
      others: overlapping(run, mine),
      root,
      codeDir: root,
      excluded: ['/repo/.plans', '/repo/runs', '/elsewhere/runs'],
    });
    expect(split).toEqual({ mine: ['docs/x.md', 'src/a.ts', 'stray.txt'], shared: [{ file: 'shared.json', tasks: ['a', 'b'] }] });
    expect(overlapping(run, other).map((window) => window.taskId)).toEqual(['a']);
  });

  it('names are relative to the code dir; a task that ended before another started is not beside it', () => {
    const run = {};
    const first = openWindow(run, { id: 'first', expected_files: ['x.txt'] }, 't');
    closeWindow(first);
    const second = openWindow(run, { id: 'second', expected_files: ['x.txt'] }, 't');
    expect(overlapping(run, second)).toEqual([]);
    expect(overlapping(run, first)).toEqual([]);
    const split = attribute({ changed: ['app/x.txt', 'x.txt'], window: second, others: [], root, codeDir: '/repo/app', excluded: [] });
    expect(split.mine).toEqual(['app/x.txt', 'x.txt']);
  });
});
