import { describe, expect, it } from 'vitest';
import { locateJsonError } from './locate-json-error.js';

describe('locateJsonError', () => {
  it('accepts valid JSON', () => {
    expect(locateJsonError('{"a": [1, 2.5e3, "x\\n", true, null], "b": {}}')).toBeUndefined();
  });

  it.each([
    ['{"a":}', 1, 6, "unexpected '}', a value was expected"],
    ['{\n  "a": 1,\n}', 3, 1, "trailing comma before '}'"],
    ['{\n  "a" 1\n}', 2, 7, "expected ':' after the property name, found '1'"],
    ['{"a": 1', 1, 8, "expected ',' or '}' after the property value, found the end of the file"],
    ['[1, 2', 1, 6, "expected ',' or ']' after the array element, found the end of the file"],
    ['{"a": "x\ny"}', 1, 9, 'unterminated string (line break inside a string)'],
    ["{'a': 1}", 1, 2, "expected a double-quoted property name, found '''"],
    ['{} x', 1, 4, 'unexpected text after the JSON value'],
  ])('finds the error in %j at %i:%i', (text, line, column, message) => {
    expect(locateJsonError(text)).toMatchObject({ line, column, message });
  });
});
