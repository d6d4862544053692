import { rm } from 'node:fs/promises';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ArchiveWriteError } from '../errors.js';
import { archiveChange } from './archive-change.js';
import { fixtureRepo, run, snapshotTree } from '../../test/fixture-repo.js';

// Failures on demand: a spec write (by the file it targets and how many writes it already had) or the
// final move of the change folder.
const failures = vi.hoisted(() => ({
  write: undefined as ((file: string, count: number) => boolean) | undefined,
  moveFrom: undefined as RegExp | undefined,
  writes: new Map<string, number>(),
}));

vi.mock('@planwright/plan-schema', async (importOriginal) => {
  const actual = await importOriginal<typeof import('@planwright/plan-schema')>();
  return {
    ...actual,
    writeFileAtomic: async (file: string, text: string) => {
      const count = failures.writes.get(file) ?? 0;
      failures.writes.set(file, count + 1);
      if (failures.write?.(file, count)) throw Object.assign(new Error('no space left on device'), { code: 'ENOSPC' });
      return actual.writeFileAtomic(file, text);
    },
  };
});

vi.mock('node:fs/promises', async (importOriginal) => {
  const actual = await importOriginal<typeof import('node:fs/promises')>();
  const rename: typeof actual.rename = async (from, to) => {
    if (failures.moveFrom?.test(String(from))) throw Object.assign(new Error('cross-device link'), { code: 'EXDEV' });
    return actual.rename(from, to);
  };
  return { ...actual, default: { ...actual, rename }, rename };
});

afterEach(() => {
  failures.write = undefined;
  failures.moveFrom = undefined;
  failures.writes.clear();
});

describe('specflow archive rollback', () => {
  it('puts back the specs already written when a later write fails: exit 1, nothing changed', async () => {
    const repo = await fixtureRepo('basic');
    const before = await snapshotTree(repo);
    failures.write = (file) => file.endsWith('/notifications/spec.md');
    const { code, stdout, stderr } = await run(['archive', 'add-2fa', '--repo', repo], repo);
    expect({ code, stdout }).toEqual({ code: 1, stdout: '' });
    expect(stderr).toBe('specflow: archive add-2fa: writing openspec/specs/notifications/spec.md failed (ENOSPC); nothing was changed\n');
    // auth/spec.md was written, then restored; the notifications folder made for the new spec is gone.
    expect(failures.writes.get(`${repo}/openspec/specs/auth/spec.md`)).toBe(2);
    expect(await snapshotTree(repo)).toEqual(before);
  });

  it('puts back every spec when moving the change folder fails', async () => {
    const repo = await fixtureRepo('basic');
    // Without openspec/archive/, archive makes the folder, and must remove it again.
    await rm(`${repo}/openspec/archive`, { recursive: true });
    const before = await snapshotTree(repo);
    failures.moveFrom = /\/openspec\/changes\/add-2fa$/;
    const { code, stderr } = await run(['archive', 'add-2fa', '--repo', repo], repo);
    expect(code).toBe(1);
    expect(stderr.replace(/-\d{8}-\d{6}\b/, '-<stamp>')).toBe(
      'specflow: archive add-2fa: moving openspec/changes/add-2fa to openspec/archive/add-2fa-<stamp> failed (EXDEV); nothing was changed\n',
    );
    expect(await snapshotTree(repo)).toEqual(before);
  });

  it('says which files it could not restore', async () => {
    const repo = await fixtureRepo('basic');
    failures.write = (file, count) => file.endsWith('/notifications/spec.md') || (file.endsWith('/auth/spec.md') && count > 0);
    const error = await archiveChange({ repo, change: 'add-2fa' }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ArchiveWriteError);
    expect((error as ArchiveWriteError).message).toBe(
      'archive add-2fa: writing openspec/specs/notifications/spec.md failed (ENOSPC); could not restore openspec/specs/auth/spec.md',
    );
    expect((error as ArchiveWriteError).restoreFailures).toEqual(['openspec/specs/auth/spec.md']);
    expect((error as ArchiveWriteError).hint).toBe('restore those files from version control');
  });
});
