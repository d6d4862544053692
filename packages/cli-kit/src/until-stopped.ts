/**
 * Resolves on the first SIGINT or SIGTERM, or when `signal` aborts: how a long-serving command (a board, an
 * HTTP server) waits before it closes what it serves. The listeners go away with it, so a second wait in the
 * same process (tests) starts clean.
 *
 * @example
 * const server = await startBoard(options);
 * await untilStopped(signal);
 * await server.close();
 */
export function untilStopped(signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      process.removeListener('SIGINT', done);
      process.removeListener('SIGTERM', done);
      signal?.removeEventListener('abort', done);
      resolve();
    };
    process.once('SIGINT', done);
    process.once('SIGTERM', done);
    if (signal?.aborted) done();
    else signal?.addEventListener('abort', done, { once: true });
  });
}
