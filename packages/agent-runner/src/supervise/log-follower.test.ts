import { appendFile, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { tempDir } from '@planwright/test-utils';
import { describe, expect, it, vi } from 'vitest';
import { LogFollower } from './log-follower.js';

describe('LogFollower', () => {
  it('emits each complete line once, across appends, and the last partial line on close', async () => {
    const file = join(await tempDir(), 'agent.log');
    await writeFile(file, 'one\ntw');
    const lines: string[] = [];
    const follower = new LogFollower(file, { onLine: (line) => lines.push(line), pollMs: 20 });
    await follower.start();
    await follower.poke();
    await appendFile(file, 'o\nthree\nfou');
    await follower.poke();
    expect(lines).toEqual(['one', 'two', 'three']);
    await follower.close();
    expect(lines).toEqual(['one', 'two', 'three', 'fou']);
  });

  it('cuts lines longer than the limit instead of holding them whole', async () => {
    const file = join(await tempDir(), 'agent.log');
    await writeFile(file, `${'x'.repeat(5000)}\nshort\n`);
    const lines: string[] = [];
    const follower = new LogFollower(file, { onLine: (line) => lines.push(line), maxLineBytes: 100 });
    await follower.start();
    await follower.close();
    expect(lines.map((line) => line.length)).toEqual([100, 5]);
  });

  it('starts at startAt: the lines an earlier run left in the same log are not read again', async () => {
    const file = join(await tempDir(), 'agent.log');
    await writeFile(file, '{"type":"result"}\n');
    const lines: string[] = [];
    const follower = new LogFollower(file, { onLine: (line) => lines.push(line), startAt: 18 });
    await follower.start();
    await appendFile(file, '{"type":"system","subtype":"init"}\n');
    await follower.close();
    expect(lines).toEqual(['{"type":"system","subtype":"init"}']);
  });
});

describe('LogFollower.close', () => {
  it('never reads after closing, even with writes and watch events racing the close', async () => {
    const file = join(await tempDir(), 'agent.log');
    await writeFile(file, '');
    for (let round = 0; round < 50; round++) {
      const lines: string[] = [];
      let closed = false;
      const late: string[] = [];
      const follower = new LogFollower(file, { onLine: (line) => (closed ? late : lines).push(line), pollMs: 1 });
      await follower.start();
      const writes = Array.from({ length: 5 }, (_, i) => appendFile(file, `line ${round}.${i}\n`));
      await Promise.all([follower.close().then(() => (closed = true)), ...writes, follower.poke()]);
      await appendFile(file, `after close ${round}\n`);
      await follower.poke(); // after close: a no-op, not a read on a closed handle
      await new Promise((done) => setTimeout(done, 5)); // room for a stray poll or watch event to fire
      // What was read before the close is the file's lines in order, each whole and each once.
      const written = (await readFile(file, 'utf8')).split('\n');
      expect(lines, `round ${round}`).toEqual(written.slice(0, lines.length));
      expect(lines.length, `round ${round}: everything written before this round is read`).toBeGreaterThanOrEqual(round * 6);
      expect(late, `round ${round}: nothing is read after close`).toEqual([]);
    }
  });

  it('reads through one buffer for its whole life, however often it is poked, and keeps lines whole across reads', async () => {
    const file = join(await tempDir(), 'agent.log');
    await writeFile(file, '');
    const lines: string[] = [];
    const follower = new LogFollower(file, { onLine: (line) => lines.push(line), pollMs: 10_000 });
    const alloc = vi.spyOn(Buffer, 'alloc');
    const allocUnsafe = vi.spyOn(Buffer, 'allocUnsafe');
    try {
      await follower.start();
      for (let i = 0; i < 30; i++) {
        await appendFile(file, `line ${i} ${'y'.repeat(i * 100)}\n`);
        await follower.poke();
      }
      await follower.close();
      const big = (spy: typeof alloc) => spy.mock.calls.filter(([size]) => size >= 64 * 1024).length;
      expect([big(alloc), big(allocUnsafe)]).toEqual([0, 1]);
    } finally {
      alloc.mockRestore();
      allocUnsafe.mockRestore();
    }
    expect(lines).toEqual(Array.from({ length: 30 }, (_, i) => `line ${i} ${'y'.repeat(i * 100)}`));
  });
});
