import { batched } from '../batched.js';
import { pushPrBranch, type PushedBranch } from './push-branch.js';

/** A PLANWRIGHT_TIMINGS mark: the phase that just ended. */
type Mark = (phase: string) => void;

/** What the pusher runs: reads the checkout's branch and head, and pushes them unless `skip` says they are there. */
export type PushOnce = (skip: (head: PushedBranch) => boolean, mark?: Mark) => Promise<PushedBranch>;

/**
 * The PR branch pushed for the tasks of one run, at most one push at a time. A task's base must hold
 * every task integrated before it was launched, so a caller never takes a push that began before it
 * called: it waits for that one, then shares the next push with every caller that came meanwhile (one
 * push serves several enqueues). A head the remote already has from this run's last push is not pushed
 * again. A failed push fails the callers that shared it, and the next caller tries again.
 */
export class PrBranchPusher {
  private last: PushedBranch | undefined;
  // One push at a time; the callers that come while it runs share the next (see batched). Each caller's
  // timing mark hears the phases of the push it shares.
  private readonly pushFor = batched<Mark | undefined, PushedBranch>(async (marks) => {
    const mark = (phase: string) => marks.forEach((each) => each?.(phase));
    const skip = (head: PushedBranch) => this.last?.branch === head.branch && this.last.sha === head.sha;
    const pushed = await this.pushOnce(skip, mark);
    this.last = pushed;
    return marks.map(() => ({ value: pushed }));
  });

  constructor(private readonly pushOnce: PushOnce) {}

  /** Pushes (or finds pushed) a head that holds everything integrated before this call. */
  push(mark?: Mark): Promise<PushedBranch> {
    return this.pushFor(mark);
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
