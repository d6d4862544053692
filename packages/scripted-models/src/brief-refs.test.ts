import { renderHandshakeBlock } from '@planwright/handshake/handshake-block';
import { describe, expect, it } from 'vitest';
import { findBriefRefs } from './brief-refs.mjs';

const target = { taskId: 'task_001', runId: '20261124-170000-1-abcd', resultsPath: '/r/results/task_001.json' };
const template = { task_id: 'task_001', run_id: '20261124-170000-1-abcd', status: 'completed', summary: '', files_changed: [], notes: '' };
const brief = (block: string) => `# task_001: Do it\n\n## Task\nWrite results/other.json with run_id=not-this-one.\n\n${block}`;

describe('findBriefRefs', () => {
  it('reads the handshake from the brief section @planwright/handshake writes: ids, results path, the JSON to write', () => {
    expect(findBriefRefs(brief(renderHandshakeBlock(target)))).toEqual({ ...target, results: template });
  });

  it('reads the done marker of a done-file brief', () => {
    expect(findBriefRefs(brief(renderHandshakeBlock({ ...target, donePath: '/r/done/task_001.done' })))).toMatchObject({ donePath: '/r/done/task_001.done', runId: target.runId });
  });

  it.each([
    ['1) Read and follow the instructions in: /r/tasks/t1.md\n2) When finished, write a JSON summary to: /r/results/t1.json\n3) Include run_id=r-1', { briefPath: '/r/tasks/t1.md', taskId: 't1' }],
    ['Read and follow the instructions in: `runs/x/tasks/t.2.md`.', { briefPath: 'runs/x/tasks/t.2.md', taskId: 't.2' }],
    ['You stopped before finishing a. Your brief is /run/tasks/a.md.', { briefPath: '/run/tasks/a.md', taskId: 'a' }],
  ])('takes only the brief a prompt points at from its words, never the handshake: %j', (prompt, refs) => {
    expect(findBriefRefs(prompt)).toEqual(refs);
  });

  it('lets a prompt that repeats the handshake section speak for itself (a new run id)', () => {
    const prompt = `Read and follow the instructions in: /r/tasks/task_001.md\n\n${renderHandshakeBlock({ ...target, runId: 'r-new' })}`;
    expect(findBriefRefs(prompt)).toMatchObject({ briefPath: '/r/tasks/task_001.md', runId: 'r-new', taskId: 'task_001' });
  });

  it.each([
    ['no section, no brief', 'run_id=r-9 results file: /a/x1.json {"task_id": "x1", "run_id": "r-1"}'],
    ['a section whose JSON lacks the run id', brief(renderHandshakeBlock(target).replace('"run_id"', '"runid"'))],
  ])('finds nothing in %s', (_, text) => {
    expect(findBriefRefs(text)).toEqual({});
  });
});
