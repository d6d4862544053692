import { pushPrBranch, type PushedBranch } from './push-branch.js';

/** What the pusher runs: reads the checkout's branch and head, and pushes them unless `skip` says they are there. */
export type PushOnce = (skip: (head: PushedBranch) => boolean, mark?: (phase: string) => void) => Promise<PushedBranch>;

/**
 * The PR branch pushed for the tasks of one run, at most one push at a time. A task's base must hold
 * every task integrated before it was launched, so a caller never takes a push that began before it
 * called: it waits for that one, then shares the next push with every caller that came meanwhile (one
 * push serves several enqueues). A head the remote already has from this run's last push is not pushed
 * again. A failed push fails the callers that shared it, and the next caller tries again.
 */
export class PrBranchPusher {
  private last: PushedBranch | undefined;
  private running: Promise<PushedBranch> | undefined;
  private queued: Promise<PushedBranch> | undefined;

  constructor(private readonly pushOnce: PushOnce) {}

  /** Pushes (or finds pushed) a head that holds everything integrated before this call. */
  push(mark?: (phase: string) => void): Promise<PushedBranch> {
    if (this.queued) return this.queued;
    if (!this.running) return this.start(mark);
    const queued = this.running.then(
      () => undefined,
      () => undefined,
    ).then(() => {
      this.queued = undefined;
      return this.start(mark);
    });
    this.queued = queued;
    return queued;
  }

  private start(mark?: (phase: string) => void): Promise<PushedBranch> {
    const skip = (head: PushedBranch) => this.last?.branch === head.branch && this.last.sha === head.sha;
    const running = this.pushOnce(skip, mark).then((pushed) => {
      this.last = pushed;
      return pushed;
    });
    this.running = running;
    const clear = () => {
      if (this.running === running) this.running = undefined;
    };
    running.then(clear, clear);
    return running;
  }
}

/** Told which head each push read, and when that push is done (a LandingLog). */
export interface PushTracker {
  /** Called under the git lock as the head to push is read; what it returns is handed to `pushedHead`. */
  headRead(): number;
  pushedHead(at: number, pushed: PushedBranch): void;
}

/** A pusher of `codeDir`'s current branch to `remote`. */
export function prBranchPusher(codeDir: string, remote: string, env?: NodeJS.ProcessEnv, tracker?: PushTracker): PrBranchPusher {
  return new PrBranchPusher(async (skip, mark) => {
    let at = 0;
    const pushed = await pushPrBranch(codeDir, remote, env, mark, (head) => {
      at = tracker?.headRead() ?? 0;
      return skip(head);
    });
    tracker?.pushedHead(at, pushed);
    return pushed;
  });
}
