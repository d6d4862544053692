import { git, tempDir, tempGitRepo } from '@planwright/test-utils';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PrBranchPusher, prBranchPusher, type PushOnce } from './pr-branch-pusher.js';
import type { PushedBranch } from './push-branch.js';

/** A checkout whose head the test moves, and pushes the test lets finish one by one. */
function fakeCheckout() {
  const state = { head: 'h1', pushes: [] as string[], release: [] as Array<() => void> };
  const pushOnce: PushOnce = async (skip) => {
    const head: PushedBranch = { branch: 'pr', sha: state.head };
    if (skip(head)) return head;
    await new Promise<void>((resolve) => state.release.push(resolve));
    state.pushes.push(head.sha);
    return head;
  };
  const finishPush = async () => {
    while (state.release.length === 0) await new Promise((resolve) => setTimeout(resolve, 1));
    state.release.shift()!();
  };
  return { state, pusher: new PrBranchPusher(pushOnce), finishPush };
}

/** Until a push has read the head and waits to finish. */
async function pushUnderWay(state: { release: unknown[] }): Promise<void> {
  while (state.release.length === 0) await new Promise((resolve) => setTimeout(resolve, 1));
}

describe('PrBranchPusher', () => {
  it('never serves a caller with a push that began before its call (its base holds what was integrated before it)', async () => {
    const { state, pusher, finishPush } = fakeCheckout();
    const first = pusher.push();
    await pushUnderWay(state);
    // A task was integrated while the first push ran; the next task is launched now.
    state.head = 'h2';
    const second = pusher.push();
    await finishPush();
    expect(await first).toEqual({ branch: 'pr', sha: 'h1' });
    await finishPush();
    expect(await second).toEqual({ branch: 'pr', sha: 'h2' });
    expect(state.pushes).toEqual(['h1', 'h2']);
  });

  it('lets the callers that came during a push share the next one', async () => {
    const { state, pusher, finishPush } = fakeCheckout();
    const first = pusher.push();
    await pushUnderWay(state);
    state.head = 'h2';
    const [second, third] = [pusher.push(), pusher.push()];
    state.head = 'h3';
    await finishPush();
    await finishPush();
    expect(await Promise.all([first, second, third])).toEqual([{ branch: 'pr', sha: 'h1' }, { branch: 'pr', sha: 'h3' }, { branch: 'pr', sha: 'h3' }]);
    expect(state.pushes).toEqual(['h1', 'h3']);
  });

  it('callers that come together share one push, and each hears its phases', async () => {
    const heard: string[] = [];
    const marked = (who: string) => (phase: string) => heard.push(`${who}:${phase}`);
    let pushes = 0;
    const pusher = new PrBranchPusher(async (_skip, mark) => {
      mark?.('git lock wait');
      pushes += 1;
      return { branch: 'pr', sha: 'h1' };
    });
    expect(await Promise.all([pusher.push(marked('a')), pusher.push(marked('b'))])).toEqual([{ branch: 'pr', sha: 'h1' }, { branch: 'pr', sha: 'h1' }]);
    expect({ pushes, heard }).toEqual({ pushes: 1, heard: ['a:git lock wait', 'b:git lock wait'] });
  });

  it('does not push a head it pushed already, and pushes again once the head moved', async () => {
    const { state, pusher, finishPush } = fakeCheckout();
    const first = pusher.push();
    await finishPush();
    await first;
    expect(await pusher.push()).toEqual({ branch: 'pr', sha: 'h1' });
    state.head = 'h2';
    const moved = pusher.push();
    await finishPush();
    expect(await moved).toEqual({ branch: 'pr', sha: 'h2' });
    expect(state.pushes).toEqual(['h1', 'h2']);
  });

  it('pushes the real branch, skips an unmoved head, and the remote always has the head it reports', async () => {
    const repo = await tempGitRepo({ files: { 'a.txt': 'a\n' } });
    const bare = join(await tempDir('planwright-pusher-'), 'origin.git');
    await git(repo, ['init', '--quiet', '--bare', bare]);
    const branch = await git(repo, ['branch', '--show-current']);
    const pusher = prBranchPusher(repo, bare);
    const first = await pusher.push();
    expect(await git(bare, ['rev-parse', `refs/heads/${branch}`])).toBe(first.sha);
    await git(repo, ['commit', '--quiet', '--allow-empty', '-m', 'second']);
    const second = await pusher.push();
    expect(second.sha).toBe(await git(repo, ['rev-parse', 'HEAD']));
    expect(await git(bare, ['rev-parse', `refs/heads/${branch}`])).toBe(second.sha);
    // The pusher trusts its own last push: a head unmoved since is not pushed again, even if someone
    // moved the remote branch meanwhile (a worker then fails the job naming the missing base).
    await git(bare, ['update-ref', `refs/heads/${branch}`, first.sha]);
    expect(await pusher.push()).toEqual(second);
    expect(await git(bare, ['rev-parse', `refs/heads/${branch}`])).toBe(first.sha);
  });

  it('refuses a detached head, naming the checkout, and pushes nothing', async () => {
    const repo = await tempGitRepo({ files: { 'a.txt': 'a\n' } });
    const bare = join(await tempDir('planwright-pusher-'), 'origin.git');
    await git(repo, ['init', '--quiet', '--bare', bare]);
    await git(repo, ['checkout', '--quiet', '--detach']);
    await expect(prBranchPusher(repo, bare).push()).rejects.toThrow(`${repo}: not on a branch (detached HEAD)`);
    expect(await git(bare, ['for-each-ref'])).toBe('');
  });
});
