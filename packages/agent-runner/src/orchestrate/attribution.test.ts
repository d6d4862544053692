import { describe, expect, it } from 'vitest';
import { attribute } from './attribution.js';

const root = '/repo';

describe('attribute', () => {
  it('gives a task every change but the plan and run folders and what a task beside it names; files both name are reported', () => {
    const split = attribute({
      changed: ['.plans/pr-1/plan.json', 'docs/x.md', 'runs/pr-1/r1/meta.json', 'src/a.ts', 'src/b/deep/x.ts', 'b1.txt', 'shared.json', 'stray.txt'],
      window: { task_id: 'a', names: ['src/a.ts', 'shared.json', 'docs/'] },
      others: [{ task_id: 'b', names: ['src/b/**/*.ts', 'shared.json', 'b?.txt'] }],
      root,
      codeDir: root,
      excluded: ['/repo/.plans', '/repo/runs', '/elsewhere/runs'],
    });
    expect(split).toEqual({ mine: ['docs/x.md', 'src/a.ts', 'stray.txt'], shared: [{ file: 'shared.json', tasks: ['a', 'b'] }] });
  });

  it('reads names relative to the code dir', () => {
    const split = attribute({ changed: ['app/x.txt', 'x.txt'], window: { task_id: 'a', names: [] }, others: [{ task_id: 'b', names: ['x.txt'] }], root, codeDir: '/repo/app', excluded: [] });
    expect(split.mine).toEqual(['x.txt']);
  });
});
