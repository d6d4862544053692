import type { StartedWorker } from './start-worker.js';

/**
 * Resolves once the worker has stopped on signals: the first SIGINT/SIGTERM takes no new job and lets the
 * running ones finish; a second aborts them (their agents are ended, the jobs are left to retry elsewhere).
 * The listeners are removed after.
 */
export function stopOnSignals(worker: StartedWorker, say: (line: string) => void): Promise<void> {
  return new Promise((resolve, reject) => {
    let signals = 0;
    const onSignal = () => {
      signals += 1;
      if (signals === 1) {
        say(`worker ${worker.name}: stopping after the running jobs (again to abort them)`);
        worker.stop().then(done, reject);
      } else {
        say(`worker ${worker.name}: aborting the running jobs`);
        void worker.stop({ force: true });
      }
    };
    const done = () => {
      process.removeListener('SIGINT', onSignal);
      process.removeListener('SIGTERM', onSignal);
      resolve();
    };
    process.on('SIGINT', onSignal);
    process.on('SIGTERM', onSignal);
  });
}
