import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execa } from 'execa';
import { describe, expect, it } from 'vitest';
import { prepareRunDir } from './prepare-run-dir.js';

/** A tmpfs on a fresh folder for the length of `work`, unmounted by path afterwards. */
async function withTmpfs(options: string, work: (dir: string) => Promise<void>): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), 'planwright-tmpfs-'));
  try {
    await execa('mount', ['-t', 'tmpfs', '-o', options, 'tmpfs', dir]);
    try {
      await work(dir);
    } finally {
      await execa('umount', [dir]);
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

// Only root (with CAP_SYS_ADMIN) may mount: elsewhere this case cannot be set up without faking the OS.
const canMount = await withTmpfs('size=4k', async () => undefined).then(() => true, () => false);

describe('prepareRunDir on a read-only file system', () => {
  it.skipIf(!canMount)('names the real cause, EROFS (Node reports it as ENOENT for a recursive mkdir)', async () => {
    await withTmpfs('ro,size=16k', async (dir) => {
      const runsRoot = join(dir, 'runs', 'pr-1');
      const error = await prepareRunDir({ runsRoot, handshake: 'results-json' }).catch((thrown: unknown) => thrown);
      expect(error).toMatchObject({
        exitCode: 1,
        message: `cannot create the runs folder ${runsRoot}: EROFS`,
        hint: 'read-only file system: choose a --run-root on a writable disk',
      });
    });
  });
});
