import { describe, expect, it } from 'vitest';
import { parseWorktreeList } from './worktree-list.js';

describe('parseWorktreeList', () => {
  it('reads branches, detached and bare entries, locks and prunable entries with their reasons', () => {
    const text = [
      'worktree /repo.git',
      'bare',
      '',
      'worktree /wt/a',
      'HEAD 1111111111111111111111111111111111111111',
      'branch refs/heads/pr/pr-42',
      'locked agent running',
      '',
      'worktree /wt/b',
      'HEAD 2222222222222222222222222222222222222222',
      'detached',
      'prunable gitdir file points to non-existent location',
      '',
      'worktree /wt/c',
      'HEAD 0000000000000000000000000000000000000000',
      'branch refs/heads/new',
      'locked',
      'some-future-key value',
      '',
    ].join('\n');
    expect(parseWorktreeList(text)).toEqual([
      { path: '/repo.git', head: null, branch: null, detached: false, bare: true, locked: false, prunable: false },
      {
        path: '/wt/a',
        head: '1111111111111111111111111111111111111111',
        branch: 'pr/pr-42',
        detached: false,
        bare: false,
        locked: true,
        lockedReason: 'agent running',
        prunable: false,
      },
      {
        path: '/wt/b',
        head: '2222222222222222222222222222222222222222',
        branch: null,
        detached: true,
        bare: false,
        locked: false,
        prunable: true,
        prunableReason: 'gitdir file points to non-existent location',
      },
      { path: '/wt/c', head: null, branch: 'new', detached: false, bare: false, locked: true, prunable: false },
    ]);
  });

  it('is empty for empty output', () => {
    expect(parseWorktreeList('')).toEqual([]);
  });
});
