import { describe, expect, it } from 'vitest';
import { batched, batchedOrEach, coalesced } from './batched.js';

/** A promise and the function that settles it, to hold a batch open for as long as a test needs. */
function gate() {
  let open = () => {};
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { opened, open };
}

describe('batched', () => {
  it('takes the items of one burst together, and those that come during a batch into the next one', async () => {
    const batches: number[][] = [];
    const hold = gate();
    const double = batched<number, number>(async (items) => {
      batches.push(items);
      if (batches.length === 1) await hold.opened;
      return items.map((item) => ({ value: item * 2 }));
    });
    const first = [double(1), double(2)];
    await new Promise((resolve) => setImmediate(resolve));
    // The first batch is under way: these wait for the next one, whole.
    const later = [double(3), double(4), double(5)];
    hold.open();
    expect(await Promise.all([...first, ...later])).toEqual([2, 4, 6, 8, 10]);
    expect(batches).toEqual([[1, 2], [3, 4, 5]]);
  });

  it('fails only the item whose result is an error, and every item of a batch that throws', async () => {
    const check = batched<number, number>(async (items) => {
      if (items.includes(0)) throw new Error('the whole batch');
      return items.map((item) => (item < 0 ? { error: new Error(`negative ${item}`) } : { value: item }));
    });
    const results = await Promise.allSettled([check(1), check(-1)]);
    expect(results.map((result) => result.status)).toEqual(['fulfilled', 'rejected']);
    await expect(Promise.all([check(0), check(2)])).rejects.toThrow('the whole batch');
    // The next batch runs as usual.
    expect(await check(3)).toBe(3);
  });
});

describe('coalesced', () => {
  it('shares one run among the calls before it begins, never one that began before the call', async () => {
    let runs = 0;
    const hold = gate();
    const read = coalesced(async () => {
      runs += 1;
      const mine = runs;
      if (mine === 1) await hold.opened;
      return mine;
    });
    const early = [read(), read()];
    await new Promise((resolve) => setImmediate(resolve));
    const late = read();
    hold.open();
    expect(await Promise.all([...early, late])).toEqual([1, 1, 2]);
    expect(runs).toBe(2);
  });
});

describe('batchedOrEach', () => {
  it('applies a batch at once, and item by item when the batch as a whole fails', async () => {
    const applied: string[][] = [];
    const apply = batchedOrEach<string>(
      async (items) => {
        if (items.includes('bad')) throw new Error('batch refused');
        applied.push(items);
      },
      async (item) => {
        if (item === 'bad') throw new Error('bad alone');
        applied.push([item]);
      },
    );
    await Promise.all([apply('a'), apply('b')]);
    const mixed = await Promise.allSettled([apply('c'), apply('bad'), apply('d')]);
    expect(mixed.map((result) => (result.status === 'rejected' ? (result.reason as Error).message : 'ok'))).toEqual(['ok', 'bad alone', 'ok']);
    expect(applied).toEqual([['a', 'b'], ['c'], ['d']]);
  });
});
