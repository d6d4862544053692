import { describe, expect, it } from 'vitest';
import { findTooDeep, formatLongJsonPath } from './check-depth.js';

describe('findTooDeep', () => {
  it('passes text within the limit, strings and escapes included', () => {
    expect(findTooDeep('{"a": [[1]], "b": "[[[[\\"{{{{"}', 3)).toBeUndefined();
    expect(findTooDeep('[[[', 3)).toBeUndefined();
    // An escaped backslash ends right before the closing quote: the brackets after it count.
    expect(findTooDeep('["a\\\\", [[1]]]', 2)).toEqual({ path: [1, 0], offset: 9 });
  });

  it('names the path of the container that opened one level too many', () => {
    const text = '{"a": 1, "b\\u0020c": [0, {"d": [[]]}]}';
    expect(findTooDeep(text, 4)).toEqual({ path: ['b c', 1, 'd', 0], offset: text.indexOf('[[]]') + 1 });
    expect(findTooDeep('[[], [[[]]]]', 3)).toEqual({ path: [1, 0, 0], offset: 7 });
  });

  it('scans a megabyte of brackets without recursion', () => {
    expect(findTooDeep('['.repeat(1_000_000))?.path).toHaveLength(256);
  });
});

describe('formatLongJsonPath', () => {
  it('writes runs of one step once, with a count', () => {
    expect(formatLongJsonPath(['tasks', 0, 'x', ...Array(40).fill('a')])).toBe('tasks[0].x(.a ×40)');
    expect(formatLongJsonPath(Array(256).fill(0))).toBe('([0] ×256)');
    expect(formatLongJsonPath(['a b', 1, 1, 1])).toBe('["a b"][1][1][1]');
  });
});
