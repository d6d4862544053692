import { describe, expect, it } from 'vitest';
import { expandTemplate, unknownPlaceholders, usesPlaceholder } from './template.js';

const values = {
  prompt_file: '/runs/r1/tasks/task_001.prompt.txt',
  brief: '/runs/r1/tasks/task_001.md',
  results: '/runs/r1/results/task_001.json',
  run_id: '20261124-101500-4242-ab12',
  task_id: 'task_001',
  code_dir: '/repo with space',
  run_dir: '/runs/r1',
};

describe('command templates', () => {
  it('replaces every placeholder inside an argument, as text (no shell, no quoting)', () => {
    expect(expandTemplate('--message-file={prompt_file}', values)).toBe('--message-file=/runs/r1/tasks/task_001.prompt.txt');
    expect(expandTemplate('{task_id}@{run_id}: {brief} -> {results} in {code_dir} ({run_dir})', values)).toBe(
      'task_001@20261124-101500-4242-ab12: /runs/r1/tasks/task_001.md -> /runs/r1/results/task_001.json in /repo with space (/runs/r1)',
    );
  });

  it('keeps other braces, and {{ }} for literal ones', () => {
    expect(expandTemplate('{"model": "x"}', values)).toBe('{"model": "x"}');
    expect(expandTemplate('{{task_id}} is {task_id}', values)).toBe('{task_id} is task_001');
  });

  it('finds unknown placeholders and uses of a known one', () => {
    expect(unknownPlaceholders('--msg {prompt} {task_id} {RUN_ID} {{literal}}')).toEqual(['prompt', 'RUN_ID']);
    expect(usesPlaceholder('x={run_id}', 'run_id')).toBe(true);
    expect(usesPlaceholder('x={{run_id}}', 'run_id')).toBe(false);
  });
});
