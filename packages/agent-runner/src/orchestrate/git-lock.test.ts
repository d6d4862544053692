import { writeFile } from 'node:fs/promises';
import { unlink } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { tempGitRepo } from '@planwright/test-utils';
import { execa } from 'execa';
import { describe, expect, it } from 'vitest';
import { serialized } from './git-lock.js';

/** The lock file another planwright process writes while it runs git in this repository. */
const holdLock = (repo: string, pid: number) =>
  writeFile(join(repo, '.git', 'planwright-git.lock'), JSON.stringify({ pid, host: hostname(), token: `other-${pid}`, acquired_at: new Date().toISOString() }));

describe('serialized git work', () => {
  it("waits while another process (an orchestrator of another PR) holds the repository's git lock", async () => {
    const repo = await tempGitRepo({ files: { 'a.txt': 'a\n' } });
    const other = execa('sleep', ['30']);
    try {
      await holdLock(repo, other.pid!);
      let ran = false;
      const work = serialized(repo, async () => {
        ran = true;
      });
      await sleep(400);
      expect(ran).toBe(false);
      await unlink(join(repo, '.git', 'planwright-git.lock'));
      await work;
      expect(ran).toBe(true);
    } finally {
      other.kill('SIGKILL');
      await other.catch(() => undefined);
    }
  });

  it('takes over the lock of a process that was killed, and releases its own', async () => {
    const repo = await tempGitRepo({ files: { 'a.txt': 'a\n' } });
    const dead = execa('true');
    await dead;
    await holdLock(repo, dead.pid!);
    expect(await serialized(repo, async () => 'ran')).toBe('ran');
    await expect(unlink(join(repo, '.git', 'planwright-git.lock'))).rejects.toMatchObject({ code: 'ENOENT' });
  });
});
