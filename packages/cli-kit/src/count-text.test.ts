import { describe, expect, it } from 'vitest';
import { countText } from './count-text.js';

describe('countText', () => {
  it('writes whole counts as en-US does', () => {
    for (const value of [0, 7, 999, 1000, 12345, 999999, 1000000, 1234567890, -1, -1234, 48213.4, 2.5e9]) {
      expect(countText(value)).toBe(Math.round(value).toLocaleString('en-US'));
    }
  });

  it('leaves what is not a finite number as String() writes it', () => {
    expect([NaN, Infinity].map(countText)).toEqual(['NaN', 'Infinity']);
  });
});
