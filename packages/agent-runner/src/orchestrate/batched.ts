/** What one item of a batch came to: its value, or the error that item alone failed with. */
export type ItemResult<R> = { value: R } | { error: unknown };

/** Does the work of several items at once; returns one result per item, in their order. */
export type BatchWork<I, R> = (items: I[]) => Promise<ItemResult<R>[]>;

/**
 * Items handed in one at a time, done in batches: at most one batch runs at once, and every item that
 * arrives meanwhile waits for the next one, which takes them all. An item never joins a batch that had
 * already begun when it came, so its batch sees everything done before it was handed in. Under load the
 * batches grow by themselves: a coordinator whose git and plan writes cost ~15 ms per process pays for
 * them once per batch instead of once per task.
 *
 * A batch that throws fails each of its items with that error; the next batch runs as usual.
 *
 * @example
 * const write = batched<Change, void>(async (changes) => { await applyAll(changes); return changes.map(() => ({ value: undefined })); });
 * await Promise.all([write(a), write(b)]); // one applyAll([a, b]) when they come together
 */
export function batched<I, R>(work: BatchWork<I, R>): (item: I) => Promise<R> {
  let pending: { item: I; resolve: (value: R) => void; reject: (error: unknown) => void }[] = [];
  let running = false;
  const drain = async () => {
    running = true;
    while (pending.length > 0) {
      const batch = pending;
      pending = [];
      const results = await work(batch.map((entry) => entry.item)).catch((error: unknown) => batch.map((): ItemResult<R> => ({ error })));
      batch.forEach((entry, index) => {
        const result = results[index] ?? { error: new Error('the batch gave no result for this item') };
        if ('value' in result) entry.resolve(result.value);
        else entry.reject(result.error);
      });
    }
    running = false;
  };
  return (item) =>
    new Promise<R>((resolve, reject) => {
      pending.push({ item, resolve, reject });
      // Started a tick later, so the items handed in by one burst of callbacks share the first batch too.
      if (!running) {
        running = true;
        setImmediate(() => void drain());
      }
    });
}

/**
 * `work` run for many callers at once: a call shares the next run with every call that comes before that
 * run begins, never one already under way (whose result might predate the call).
 */
export function coalesced<T>(work: () => Promise<T>): () => Promise<T> {
  const call = batched<void, T>(async (items) => {
    const value = await work();
    return items.map(() => ({ value }));
  });
  return () => call(undefined);
}

/**
 * Items applied together (`all`), in batches as `batched` makes them; when a batch fails as a whole, each
 * of its items is applied alone (`one`), so one bad item cannot sink the others and each gets its own error.
 */
export function batchedOrEach<I>(all: (items: I[]) => Promise<void>, one: (item: I) => Promise<void>): (item: I) => Promise<void> {
  return batched<I, void>(async (items) => {
    try {
      await all(items);
      return items.map(() => ({ value: undefined }));
    } catch (error) {
      if (items.length === 1) return [{ error }];
      return Promise.all(items.map((item) => one(item).then((): ItemResult<void> => ({ value: undefined }), (failure: unknown) => ({ error: failure }))));
    }
  });
}
