import { describe, expect, it } from 'vitest';
import { findBriefRefs } from './brief-refs.mjs';

describe('findBriefRefs', () => {
  it.each([
    ['Read and follow the instructions in: /r/tasks/task_001.md\nwrite a JSON summary to: /r/results/task_001.json\nrun_id=20261124-170000-1-abcd',
      { briefPath: '/r/tasks/task_001.md', resultsPath: '/r/results/task_001.json', runId: '20261124-170000-1-abcd', taskId: 'task_001' }],
    ['Brief: `tasks/t.2.md`. run_id: r-9. Write your results to "out/results/t.2.json".',
      { briefPath: 'tasks/t.2.md', resultsPath: 'out/results/t.2.json', runId: 'r-9', taskId: 't.2' }],
    ['{"task_id": "x1", "run_id": "r-1"} results file: /a/x1.json', { resultsPath: '/a/x1.json', runId: 'r-1', taskId: 'x1' }],
    ['see /run/tasks/a.md then /run/results/a.json (run id: 7)', { briefPath: '/run/tasks/a.md', resultsPath: '/run/results/a.json', runId: '7', taskId: 'a' }],
    ['1) Read and follow the instructions in: /r/tasks/t1.md\n2) When finished, write a JSON summary to: /r/results/t1.json\n3) Then create the done marker file: /r/done/t1.done',
      { briefPath: '/r/tasks/t1.md', resultsPath: '/r/results/t1.json', donePath: '/r/done/t1.done', taskId: 't1' }],
    ['run_id=<run id> means nothing; nothing else here either', {}],
  ])('reads %j', (prompt, refs) => {
    expect(findBriefRefs(prompt)).toEqual(refs);
  });
});
