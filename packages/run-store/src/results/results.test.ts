import { existsSync } from 'node:fs';
import { open, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { tempDir } from '@planwright/test-utils';
import { describe, expect, it } from 'vitest';
import { prepareRunDir } from '../layout/prepare-run-dir.js';
import { checkResults, moveAsideStale } from './check-results.js';
import { writeFallbackResults } from './fallback.js';
import { readLogTail } from './log-tail.js';

const RUN = '20261124-101500-4242-ab12';

async function newRun(handshake: 'results-json' | 'done-file' = 'results-json') {
  return prepareRunDir({ runsRoot: await tempDir(), handshake });
}

describe('checkResults', () => {
  it('is valid for this task and run, with unknown keys kept', async () => {
    const layout = await newRun();
    const results = { task_id: 't1', run_id: RUN, status: 'partial', summary: 'half', files_changed: ['a.ts'], x_custom: [1] };
    await writeFile(layout.resultsPath('t1'), JSON.stringify(results));
    expect(await checkResults(layout, 't1', RUN)).toEqual({ state: 'valid', results });
  });

  it('is missing without a file, invalid for a half-written or wrong file', async () => {
    const layout = await newRun();
    expect(await checkResults(layout, 't1', RUN)).toEqual({ state: 'missing' });
    const cases: [string, RegExp][] = [
      ['', /empty/],
      ['{"task_id": "t1", "run_id": "', /^invalid JSON/],
      // Read without recursion: a file of brackets is one reason, not a stack overflow.
      ['['.repeat(100_000), /^nested more than 256 levels deep \(line 1:257, \(\[0\] ×256\)\)$/],
      [`{"task_id": "t1", "x": ${'{"a":'.repeat(300)}1${'}'.repeat(300)}}`, /^nested more than 256 levels deep \(line 1:\d+, x\(\.a ×255\)\)$/],
      ['[1, 2]', /expected a JSON object/],
      [JSON.stringify({ run_id: RUN }), /^task_id: missing/],
      [JSON.stringify({ task_id: 't1', run_id: RUN, status: 'meh' }), /^status: unknown status "meh"/],
      [JSON.stringify({ task_id: 't1', run_id: RUN, files_changed: 'a.ts' }), /^files_changed: /],
    ];
    for (const [text, reason] of cases) {
      await writeFile(layout.resultsPath('t1'), text);
      const check = await checkResults(layout, 't1', RUN);
      expect(check.state).toBe('invalid');
      expect((check as { reason: string }).reason).toMatch(reason);
    }
  });

  it('is stale for another run id or another task id (and without a run id)', async () => {
    const layout = await newRun();
    for (const results of [
      { task_id: 't1', run_id: '20250101-000000-1-0000', status: 'completed' },
      { task_id: 't2', run_id: RUN, status: 'completed' },
      { task_id: 't1', status: 'completed' },
    ]) {
      await writeFile(layout.resultsPath('t1'), JSON.stringify(results));
      expect(await checkResults(layout, 't1', RUN)).toMatchObject({ state: 'stale', results: { task_id: results.task_id } });
    }
  });

  it("accepts the kit's aliases: task or id for task_id, state for status, no status = completed", async () => {
    const layout = await newRun();
    const cases: [object, string][] = [
      [{ task: 't1', run_id: RUN }, 'completed'],
      [{ id: 't1', run_id: RUN, status: 'DONE' }, 'completed'],
      [{ task_id: 't1', run_id: RUN, state: 'success' }, 'completed'],
      [{ task_id: 't1', run_id: RUN, state: 'Failed' }, 'failed'],
    ];
    for (const [results, status] of cases) {
      await writeFile(layout.resultsPath('t1'), JSON.stringify(results));
      expect(await checkResults(layout, 't1', RUN)).toMatchObject({ state: 'valid', results: { ...results, task_id: 't1', status } });
    }
  });
});

describe('moveAsideStale', () => {
  it('renames results and done files of an earlier invocation, and is a no-op without them', async () => {
    const layout = await newRun('done-file');
    expect(await moveAsideStale(layout, 't1', RUN)).toEqual([]);
    await writeFile(layout.resultsPath('t1'), '{"task_id":"t1","run_id":"old"}');
    await writeFile(layout.donePath('t1'), '');
    const moved = await moveAsideStale(layout, 't1', RUN);
    expect(moved).toEqual([join(layout.resultsDir, `t1.stale-${RUN}.json`), join(layout.doneDir, `t1.stale-${RUN}.done`)]);
    expect(existsSync(layout.resultsPath('t1'))).toBe(false);
    expect(existsSync(layout.donePath('t1'))).toBe(false);
    expect(await readFile(moved[0]!, 'utf8')).toBe('{"task_id":"t1","run_id":"old"}');
    expect(await checkResults(layout, 't1', RUN)).toEqual({ state: 'missing' });
  });
});

describe('writeFallbackResults', () => {
  it('writes the fallback with note, exit code, log path and log tail', async () => {
    const layout = await newRun();
    const log = Array.from({ length: 500 }, (_, i) => `line ${i}`).join('\n');
    await writeFile(layout.agentLogPath('t1'), `${log}\n`);
    const written = await writeFallbackResults(layout, {
      taskId: 't1',
      runId: RUN,
      status: 'partial',
      note: 'Agent exited with code 1 before writing results.',
      exitCode: 1,
      extra: { error: 'unexpected status 401 Unauthorized', status: 'completed' },
    });
    const onDisk = JSON.parse(await readFile(layout.resultsPath('t1'), 'utf8'));
    expect(onDisk).toEqual(written);
    expect(onDisk).toMatchObject({
      task_id: 't1',
      run_id: RUN,
      status: 'partial',
      error: 'unexpected status 401 Unauthorized',
      note: 'Agent exited with code 1 before writing results.',
      generated_by: 'planwright',
      exit_code: 1,
      log_path: layout.agentLogPath('t1'),
    });
    expect(onDisk.generated_at).toMatch(/Z$/);
    expect(onDisk.log_tail.split('\n')).toEqual(Array.from({ length: 200 }, (_, i) => `line ${300 + i}`));
    expect(await checkResults(layout, 't1', RUN)).toMatchObject({ state: 'valid', results: { status: 'partial' } });
  });

  it('leaves out the log when there is none', async () => {
    const layout = await newRun();
    const written = await writeFallbackResults(layout, { taskId: 't1', runId: RUN, status: 'timeout', note: 'timed out', exitCode: null });
    expect(written).not.toHaveProperty('log_path');
    expect(written).not.toHaveProperty('log_tail');
    expect(written.exit_code).toBeNull();
  });

  it('keeps the log tail bounded for a 50 MB log', async () => {
    const layout = await newRun();
    const file = layout.agentLogPath('t1');
    const handle = await open(file, 'w');
    const chunk = Buffer.from(`${'x'.repeat(1023)}\n`.repeat(1024));
    for (let i = 0; i < 50; i++) await handle.write(chunk);
    await handle.write('the end\n');
    await handle.close();
    const written = await writeFallbackResults(layout, { taskId: 't1', runId: RUN, status: 'partial', note: 'n', exitCode: 1 });
    expect(Buffer.byteLength(written.log_tail!)).toBeLessThanOrEqual(128_000);
    expect(written.log_tail!.split('\n')).toHaveLength(125);
    expect(written.log_tail!.endsWith('\nthe end')).toBe(true);
  });
});

describe('readLogTail', () => {
  it('returns the last lines within the byte limit, dropping a cut line', async () => {
    const file = join(await tempDir(), 'log');
    await writeFile(file, 'first line that gets cut\nsecond\nthird\n');
    expect(await readLogTail(file, { maxLines: 2 })).toBe('second\nthird');
    expect(await readLogTail(file, { maxBytes: 15 })).toBe('second\nthird');
    expect(await readLogTail(file)).toBe('first line that gets cut\nsecond\nthird');
    expect(await readLogTail(join(file, '..', 'missing'))).toBe('');
  });
});
