import { tempDir, writeFiles } from '@planwright/test-utils';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { archiveDestination, detectLayout, kitStamp, localDate } from './openspec-layout.js';

describe('detectLayout', () => {
  it('is the kit layout without openspec/config.yaml, OpenSpec 1.x with it (or config.yml)', async () => {
    const kit = await tempDir();
    await writeFiles(kit, { 'openspec/project.md': '# P\n' });
    expect(await detectLayout({ repo: kit })).toMatchObject({ kind: 'kit', archive: join(kit, 'openspec', 'archive') });
    const one = await tempDir();
    await writeFiles(one, { 'openspec/config.yaml': 'schema: spec-driven\n' });
    expect(await detectLayout({ repo: one })).toMatchObject({
      kind: 'openspec-1',
      archive: join(one, 'openspec', 'changes', 'archive'),
      config: join(one, 'openspec', 'config.yaml'),
    });
    const yml = await tempDir();
    await writeFiles(yml, { 'openspec/config.yml': 'schema: spec-driven\n' });
    expect(await detectLayout({ repo: yml })).toMatchObject({ kind: 'openspec-1', config: join(yml, 'openspec', 'config.yml') });
  });

  it('names archive folders as each layout does, in local time', async () => {
    const at = new Date(2026, 0, 5, 7, 8, 9);
    const kit = await detectLayout({ repo: await tempDir() });
    expect(archiveDestination(kit, 'add-2fa', at)).toBe(join(kit.archive, 'add-2fa-20260105-070809'));
    const repo = await tempDir();
    await writeFiles(repo, { 'openspec/config.yaml': 'schema: spec-driven\n' });
    const one = await detectLayout({ repo });
    expect(archiveDestination(one, 'add-2fa', at)).toBe(join(one.archive, '2026-01-05-add-2fa'));
    // OpenSpec keeps a date prefix the change already has instead of stacking a second one.
    expect(archiveDestination(one, '2025-12-31-add-2fa', at)).toBe(join(one.archive, '2025-12-31-add-2fa'));
    expect([localDate(at), kitStamp(at)]).toEqual(['2026-01-05', '20260105-070809']);
  });
});
