import type { StartedWorker } from './start-worker.js';

/**
 * Resolves once the worker has stopped on signals: the first SIGINT/SIGTERM takes no new job and lets the
 * running ones finish; a second aborts them (their agents are ended, the jobs are left to retry elsewhere).
 * With `idleSeconds`, it also stops once the worker has been idle that long. The listeners are removed after.
 */
export function stopOnSignals(worker: StartedWorker, say: (line: string) => void, { idleSeconds }: { idleSeconds?: number } = {}): Promise<void> {
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
    if (idleSeconds !== undefined) {
      void worker.idle(idleSeconds * 1000).then(() => {
        if (signals > 0) return;
        signals = 1;
        say(`worker ${worker.name}: idle for ${idleSeconds} s, stopping (--exit-when-idle)`);
        worker.stop().then(done, reject);
      });
    }
  });
}
