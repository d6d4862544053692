import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { DIAGNOSTIC_RULES } from '../../src/diagnostics.js';
import { DELIBERATE_DIFFERENCES } from './differences.js';

const DOCS = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', '..', 'docs', 'openspec-differences.md');

describe('the deliberate differences table', () => {
  it('is mirrored by docs/openspec-differences.md, code for code', async () => {
    const docs = await readFile(DOCS, 'utf8');
    const rows = docs.split('\n').filter((line) => line.startsWith('| ') && !line.startsWith('| Rule') && !line.startsWith('| ---'));
    for (const difference of DELIBERATE_DIFFERENCES) {
      const row = rows.find((line) => difference.codes.every((code) => line.includes(`\`${code}\``) || line.includes(`${code}\``)));
      expect(row, `no row of docs/openspec-differences.md lists every code of "${difference.id}"`).toBeDefined();
    }
  });

  it('names only real diagnostic codes', () => {
    for (const difference of DELIBERATE_DIFFERENCES) {
      for (const code of difference.codes) expect(Object.keys(DIAGNOSTIC_RULES)).toContain(code);
    }
  });
});
