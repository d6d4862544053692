import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { tempDir } from '@planwright/test-utils';
import { describe, expect, it } from 'vitest';
import { remoteFixture } from '../../../test/remote-fixture.js';

const task = (id: string, extra: Record<string, unknown> = {}) => ({ id, title: `Task ${id}`, status: 'pending' as const, ...extra });

describe('PLANWRIGHT_TIMINGS', () => {
  it('appends one line per remote task saying where the coordinator spent its time', async () => {
    const file = join(await tempDir('planwright-timings-'), 'timings.jsonl');
    const fixture = await remoteFixture([task('t1'), task('t2', { depends_on: ['t1'] })]);
    const { result } = await fixture.runRemote({ env: { ...fixture.env, PLANWRIGHT_TIMINGS: file }, autoVerify: true });
    expect(result.exitCode).toBe(0);
    const lines = (await readFile(file, 'utf8')).trim().split('\n').map((line) => JSON.parse(line));
    expect(lines.map((line) => line.task)).toEqual(['t1', 't2']);
    for (const line of lines) {
      expect(Object.keys(line.phases)).toEqual(expect.arrayContaining(['push', 'claim', 'worker', 'fetch', 'integrate', 'results+log', 'record']));
      const sum = Object.values(line.phases as Record<string, number>).reduce((a, b) => a + b, 0);
      expect(sum).toBeLessThanOrEqual(line.total + 0.1);
    }
  });

});
