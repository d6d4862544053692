import { mkdir, open, rm, writeFile } from 'node:fs/promises';
import { writeFileAtomic } from '@planwright/plan-schema';
import { tempDir } from '@planwright/test-utils';
import { describe, expect, it } from 'vitest';
import { prepareRunDir } from '../layout/prepare-run-dir.js';
import type { ResultsCheck } from './check-results.js';
import { watchForDoneFile, watchForResults } from './watch.js';

const RUN = '20261124-101500-4242-ab12';
// A poll this slow never fires during a test: whatever resolves the watcher is a file event.
const NO_POLL = 60_000;

async function newRun() {
  return prepareRunDir({ runsRoot: await tempDir(), handshake: 'done-file' });
}

/** Starts a watcher and waits until it is watching (its first look found nothing). */
async function startWatching(layout: Awaited<ReturnType<typeof newRun>>, options: { signal?: AbortSignal; onCheck?: (c: ResultsCheck) => void } = {}) {
  let ready!: () => void;
  const watching = new Promise<void>((resolve) => (ready = resolve));
  const promise = watchForResults(layout, 't1', RUN, { pollMs: NO_POLL, onReady: ready, ...options });
  await watching;
  // Wrapped: an async function returning the promise itself would wait for it.
  return { promise };
}

describe('watchForResults', () => {
  it('resolves at once when valid results are already there', async () => {
    const layout = await newRun();
    await writeFile(layout.resultsPath('t1'), JSON.stringify({ task_id: 't1', run_id: RUN }));
    await expect(watchForResults(layout, 't1', RUN, { pollMs: NO_POLL })).resolves.toMatchObject({ status: 'completed' });
  });

  it('wakes on a file event, not the poll, when results are written atomically', async () => {
    const layout = await newRun();
    const { promise } = await startWatching(layout);
    await writeFileAtomic(layout.resultsPath('t1'), JSON.stringify({ task_id: 't1', run_id: RUN, status: 'completed', summary: 'ok' }));
    await expect(promise).resolves.toMatchObject({ task_id: 't1', run_id: RUN, summary: 'ok' });
  });

  it('keeps waiting through a half-written file and resolves when the second write completes it', async () => {
    const layout = await newRun();
    const checks: ResultsCheck[] = [];
    let sawInvalid!: () => void;
    const invalidSeen = new Promise<void>((resolve) => (sawInvalid = resolve));
    const { promise } = await startWatching(layout, {
      onCheck: (check) => {
        checks.push(check);
        if (check.state === 'invalid') sawInvalid();
      },
    });
    const text = JSON.stringify({ task_id: 't1', run_id: RUN, status: 'partial', summary: 'two writes' });
    const handle = await open(layout.resultsPath('t1'), 'w');
    await handle.write(text.slice(0, 20));
    await handle.sync();
    await invalidSeen;
    await handle.write(text.slice(20));
    await handle.close();
    await expect(promise).resolves.toMatchObject({ status: 'partial', summary: 'two writes' });
    expect(checks.map((check) => check.state)).toContain('invalid');
  });

  it('ignores stale results and resolves with the ones of this run', async () => {
    const layout = await newRun();
    let sawStale!: () => void;
    const staleSeen = new Promise<void>((resolve) => (sawStale = resolve));
    const { promise } = await startWatching(layout, { onCheck: (check) => check.state === 'stale' && sawStale() });
    await writeFileAtomic(layout.resultsPath('t1'), JSON.stringify({ task_id: 't1', run_id: 'another-run', status: 'completed' }));
    await staleSeen;
    await writeFileAtomic(layout.resultsPath('t1'), JSON.stringify({ task_id: 'other', run_id: RUN, status: 'completed' }));
    await writeFileAtomic(layout.resultsPath('t1'), JSON.stringify({ task_id: 't1', run_id: RUN, status: 'failed' }));
    await expect(promise).resolves.toMatchObject({ task_id: 't1', run_id: RUN, status: 'failed' });
  });

  it('finds results through the poll when no file event comes', async () => {
    const layout = await newRun();
    let ready!: () => void;
    const watching = new Promise<void>((resolve) => (ready = resolve));
    const promise = watchForResults(layout, 't1', RUN, { pollMs: 20, onReady: ready });
    await watching;
    // A results folder removed and made again is no longer the one fs.watch watches: only the poll sees it.
    await rm(layout.resultsDir, { recursive: true });
    await mkdir(layout.resultsDir);
    await writeFile(layout.resultsPath('t1'), JSON.stringify({ task_id: 't1', run_id: RUN }));
    await expect(promise).resolves.toMatchObject({ task_id: 't1' });
  });

  it('rejects with an AbortError when aborted, before or while waiting', async () => {
    const layout = await newRun();
    const controller = new AbortController();
    const { promise } = await startWatching(layout, { signal: controller.signal });
    controller.abort();
    await expect(promise).rejects.toMatchObject({ name: 'AbortError' });
    await expect(watchForResults(layout, 't1', RUN, { signal: controller.signal })).rejects.toMatchObject({ name: 'AbortError' });
  });
});

describe('watchForDoneFile', () => {
  it('resolves with the done file once it exists', async () => {
    const layout = await newRun();
    let ready!: () => void;
    const watching = new Promise<void>((resolve) => (ready = resolve));
    const promise = watchForDoneFile(layout, 't1', { pollMs: NO_POLL, onReady: ready });
    await watching;
    await writeFile(layout.donePath('t1'), '');
    await expect(promise).resolves.toBe(layout.donePath('t1'));
  });
});
