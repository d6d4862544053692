import { describe, expect, it } from 'vitest';
import { PlanError } from '../errors.js';
import { checkHandshake } from './check-handshake.js';
import { parseTolerantJson } from './tolerant-json.js';

const target = { taskId: 'task_007', runId: '20261206-101010-42-beef', resultsPath: '/runs/r/results/task_007.json' };

describe('tolerant JSON reading', () => {
  it('reads plain JSON with no repair', () => {
    expect(parseTolerantJson('{"a": "//not a comment,}"}', 'f.json')).toEqual({ data: { a: '//not a comment,}' }, repaired: [] });
  });

  it('reads a fence, comments, trailing commas and a BOM, and names each repair', () => {
    const text = '\uFEFFHere you go:\n```json\n{\n  // the task\n  "a": [1, 2,], /* done */\n  "b": "x,]",\n}\n```\n';
    expect(parseTolerantJson(text, 'f.json')).toEqual({ data: { a: [1, 2], b: 'x,]' }, repaired: ['bom', 'code_fence', 'comments', 'trailing_commas'] });
  });

  it('still refuses what no repair makes JSON, with the file named', () => {
    expect(() => parseTolerantJson('{"a": }', 'results/t.json')).toThrow(PlanError);
    expect(() => parseTolerantJson('```json\n{"a": }\n```', 'results/t.json')).toThrow(/results\/t\.json/);
  });
});

describe('the trust rule', () => {
  const results = { task_id: 'task_007', run_id: target.runId, status: 'done' };

  it('trusts matching ids only, and says which id differs', () => {
    expect(checkHandshake(results, target)).toMatchObject({ state: 'valid', results: { status: 'completed' } });
    expect(checkHandshake({ ...results, run_id: 'old-run' }, target)).toMatchObject({ state: 'stale', mismatch: ['run_id'] });
    expect(checkHandshake({ ...results, task_id: 'task_001', run_id: 'x' }, target)).toMatchObject({ state: 'stale', mismatch: ['task_id', 'run_id'] });
    expect(checkHandshake({ ...results, status: 'sort of' }, target)).toMatchObject({ state: 'invalid', reason: expect.stringContaining('status') });
  });
});
