import type { Task } from '@planwright/plan-schema';
import { clash } from '../conflicts.js';
import type { PushedBranch } from './push-branch.js';

/** What tells whether a task needs another's work in its base. */
type TaskShape = Pick<Task, 'id' | 'domain' | 'expected_files' | 'depends_on'>;

/**
 * Which tasks landed on the PR branch since its last push, so that a task is sent from the head already
 * pushed when nothing landed since then that it needs: no dependency of it, and no task it clashes with
 * (same domain, or files that overlap, as the scheduler decides which tasks may run side by side). Such a
 * task would run beside those tasks anyway had they been slower; a push per launch (~6 git processes with
 * the remote's side) is then saved, and so is the workers' fetch of a new base.
 *
 * Landings are counted when their integration is over; a push notes the count it read the head at. A
 * landing counted after that may still be in the head pushed (it landed while the push read the head):
 * it is then taken for missing, which costs a push, never a base without a task the new one needs.
 */
export class LandingLog {
  private count = 0;
  /** Landings after the last push's head was read, with the task when it was launched by this run. */
  private since: { seq: number; task?: TaskShape }[] = [];
  private pushed: { at: number; branch: PushedBranch } | undefined;
  private readonly launched = new Map<string, TaskShape>();

  /** A task about to be sent: known, so that its landing can be told apart from others'. */
  launching(task: TaskShape): void {
    this.launched.set(task.id, { id: task.id, domain: task.domain, expected_files: task.expected_files, depends_on: task.depends_on });
  }

  /** A task's commit is on the PR branch now. A task this run did not launch (adopted) clashes with every task. */
  landed(taskId: string): void {
    this.since.push({ seq: ++this.count, task: this.launched.get(taskId) });
  }

  /** The count to note when a push reads the head it pushes. */
  headRead(): number {
    return this.count;
  }

  /** The push of the head read at `at` is done. */
  pushedHead(at: number, branch: PushedBranch): void {
    if (this.pushed && at < this.pushed.at) return;
    this.pushed = { at, branch };
    this.since = this.since.filter((landing) => landing.seq > at);
  }

  /** The head pushed last, when it holds everything `task` needs; undefined when the branch must be pushed first. */
  baseFor(task: TaskShape): PushedBranch | undefined {
    const pushed = this.pushed;
    if (!pushed) return undefined;
    const needs = (landed?: TaskShape) => !landed || (task.depends_on ?? []).includes(landed.id) || clash(task, landed);
    return this.since.some((landing) => landing.seq > pushed.at && needs(landing.task)) ? undefined : pushed.branch;
  }
}
