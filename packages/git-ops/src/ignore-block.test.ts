import { describe, expect, it } from 'vitest';
import { applyIgnoreBlock, IgnoreBlockError } from './ignore-block.js';

const BLOCK = [
  '# >>> planwright >>>',
  '# Managed by planwright (git-ops ensure); edits inside are replaced.',
  '.plans/**/runs/',
  '.plans/**/runs-*',
  '# <<< planwright <<<',
].join('\n');

describe('applyIgnoreBlock', () => {
  it('writes the block alone into an empty file', () => {
    expect(applyIgnoreBlock('')).toBe(`${BLOCK}\n`);
  });

  it('appends the block a blank line after the user lines, adding the missing final newline', () => {
    expect(applyIgnoreBlock('node_modules/\ndist')).toBe(`node_modules/\ndist\n\n${BLOCK}\n`);
  });

  it('changes nothing the second time', () => {
    const once = applyIgnoreBlock('node_modules/\n');
    expect(applyIgnoreBlock(once)).toBe(once);
  });

  it('replaces an older block in place and keeps the lines around it', () => {
    const old = 'a\n# >>> planwright >>>\nold-pattern\n# <<< planwright <<<\nb\n';
    const updated = applyIgnoreBlock(old, ['new-1', 'new-2']);
    expect(updated.split('\n')).toEqual([
      'a',
      '# >>> planwright >>>',
      '# Managed by planwright (git-ops ensure); edits inside are replaced.',
      'new-1',
      'new-2',
      '# <<< planwright <<<',
      'b',
      '',
    ]);
  });

  it('keeps one block when a file has two', () => {
    const twice = `x\n${BLOCK}\ny\n${BLOCK}\n`;
    expect(applyIgnoreBlock(twice)).toBe(`x\n${BLOCK}\ny\n`);
  });

  it('keeps Windows line endings', () => {
    const result = applyIgnoreBlock('a\r\nb\r\n');
    expect(result).toBe(`a\r\nb\r\n\r\n${BLOCK.replaceAll('\n', '\r\n')}\r\n`);
    expect(applyIgnoreBlock(result)).toBe(result);
  });

  it('refuses a begin marker without an end marker', () => {
    expect(() => applyIgnoreBlock('a\n# >>> planwright >>>\nb\n')).toThrow(IgnoreBlockError);
  });
});
