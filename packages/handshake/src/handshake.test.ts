import { describe, expect, it } from 'vitest';
import { HANDSHAKE_HEADING, readHandshakeBlock, renderHandshakeBlock } from './handshake-block.mjs';
import { handshakeInstructions, reminderPrompt } from './handshake.js';

const target = { taskId: 'task_007', runId: '20261206-101010-42-beef', resultsPath: '/runs/r/results/task_007.json' };

describe('the brief handshake section', () => {
  it('reads back what it writes: ids, paths, and the exact JSON to write', () => {
    const brief = `# task_007\n\n## Notes\n- x\n\n${renderHandshakeBlock({ ...target, donePath: '/runs/r/done/task_007.done' })}`;
    expect(readHandshakeBlock(brief)).toEqual({
      ...target,
      donePath: '/runs/r/done/task_007.done',
      results: { task_id: 'task_007', run_id: target.runId, status: 'completed', summary: '', files_changed: [], notes: '' },
    });
  });

  it('is one heading and one fenced json block, with no done marker in results-json mode', () => {
    const block = renderHandshakeBlock(target);
    expect(block.split(HANDSHAKE_HEADING)).toHaveLength(2);
    expect(block.match(/```json\n/g)).toHaveLength(1);
    expect(readHandshakeBlock(block)?.donePath).toBeUndefined();
  });

  it('finds nothing in a text without the section, or with a broken block', () => {
    expect(readHandshakeBlock('## Orchestrator handshake (required)\n- Write a JSON summary to: `/x.json`\n')).toBeUndefined();
    expect(readHandshakeBlock(renderHandshakeBlock(target).replace('"task_id"', 'task_id'))).toBeUndefined();
  });
});

describe('prompt texts', () => {
  it('name the results path, the run id and the fields', () => {
    const lines = handshakeInstructions(target).join('\n');
    for (const part of [target.resultsPath, `"run_id":"${target.runId}"`, '"files_changed"', 'partial']) expect(lines).toContain(part);
  });

  it('a reminder says when only the run id is wrong', () => {
    const reminder = reminderPrompt(target, { kind: 'stale', mismatch: ['run_id'], found: { task_id: 'task_007', run_id: 'old-run' } });
    expect(reminder).toMatch(/run_id "old-run", from an older brief; this run's id is "20261206-101010-42-beef"/);
    expect(reminderPrompt(target, { kind: 'missing' })).toMatch(/without writing the results file of task_007/);
  });
});
