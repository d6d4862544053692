import { readFile } from 'node:fs/promises';
import { tempDir } from '@planwright/test-utils';
import { describe, expect, it } from 'vitest';
import { appendMasterLog } from './master-log.js';

describe('appendMasterLog', () => {
  it('creates MASTER.md with its header, then only appends', async () => {
    const dir = await tempDir();
    const at = new Date('2026-11-24T08:00:00Z');
    const file = await appendMasterLog(dir, 'pr-7', { title: 'plan created', lines: ['3 tasks'], at });
    await appendMasterLog(dir, 'pr-7', { title: 'mark-verified t1', lines: ['status: done', 'note: two\nlines'], at });
    expect(await readFile(file, 'utf8')).toBe(
      '# pr-7 — Planner Log\n\n## 2026-11-24T08:00:00Z — plan created\n\n- 3 tasks\n' +
        '\n## 2026-11-24T08:00:00Z — mark-verified t1\n\n- status: done\n- note: two\n  lines\n',
    );
  });

  it('writes the header once when many writers start at once', async () => {
    const dir = await tempDir();
    await Promise.all(Array.from({ length: 20 }, (_, i) => appendMasterLog(dir, 'pr-7', { title: `entry ${i}` })));
    const text = await readFile(`${dir}/MASTER.md`, 'utf8');
    expect(text.startsWith('# pr-7 — Planner Log\n')).toBe(true);
    expect(text.match(/Planner Log/g)).toHaveLength(1);
    expect(text.match(/^## /gm)).toHaveLength(20);
  });
});
