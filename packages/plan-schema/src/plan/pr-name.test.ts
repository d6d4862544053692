import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { tempDir } from '@planwright/test-utils';
import { describe, expect, it } from 'vitest';
import { prFolderName, resolvePrDir, slugify, toSlug } from './pr-name.js';

// The kit slugs every PR and change name with the one Python line
//   re.sub(r"[^a-z0-9]+", "-", name.strip().lower()).strip("-")
// in specflow.py, mark_verified.py, sync_plan.py and task_doctor.py; the right column is that line's
// output for each name (computed with python3), so this table is the kit's rule, not ours restated.
const kitTable: [string, string][] = [
  ['PR_42', 'pr-42'],
  ['pr-42', 'pr-42'],
  ['Add Profile Filters!', 'add-profile-filters'],
  ['  Add 2FA  ', 'add-2fa'],
  ['feature/Login--Page', 'feature-login-page'],
  ['a__b..c', 'a-b-c'],
  ['Ünïcode Name', 'n-code-name'],
  ['--x--', 'x'],
  ['42', '42'],
  ['PR 42 (draft)', 'pr-42-draft'],
  ['../evil', 'evil'],
  ['CamelCase_Name.v2', 'camelcase-name-v2'],
  ['%%%', ''],
  ['', ''],
];

describe('the kit slug rule', () => {
  it.each(kitTable)('%j -> %j', (name, slug) => {
    expect(toSlug(name)).toBe(slug);
  });

  it('refuses a name that slugs to nothing, naming the input', () => {
    expect(() => slugify('%%%', '--pr')).toThrow('--pr "%%%": the slug is empty (only a-z and 0-9 are kept)');
  });
});

describe('prFolderName', () => {
  it('slugs a PR name whose folder does not exist yet', async () => {
    const repo = await tempDir('planwright-pr-name-');
    expect(prFolderName({ repo, pr: 'PR_42' })).toBe('pr-42');
    expect(resolvePrDir({ repo, pr: 'PR_42' })).toBe(join(repo, '.plans', 'pr-42'));
  });

  it('finds a folder named exactly as typed first, so plans made before the rule are not lost', async () => {
    const repo = await tempDir('planwright-pr-name-');
    await mkdir(join(repo, '.plans', 'PR_42'), { recursive: true });
    await mkdir(join(repo, '.plans', 'pr-42'), { recursive: true });
    expect(prFolderName({ repo, pr: 'PR_42' })).toBe('PR_42');
    expect(prFolderName({ repo, pr: 'pr-42' })).toBe('pr-42');
  });

  it('never takes a name that would leave .plans/ as typed, even when that path exists', async () => {
    const repo = await tempDir('planwright-pr-name-');
    await mkdir(join(repo, '.plans'), { recursive: true });
    // `..` exists (it is the repository) but is not a plain token: the slug rule applies.
    expect(() => prFolderName({ repo, pr: '..' })).toThrow('--pr "..": the slug is empty');
    expect(prFolderName({ repo, pr: '../evil' })).toBe('evil');
  });

  it('resolves a relative repo from cwd', async () => {
    const cwd = await tempDir('planwright-pr-name-');
    expect(resolvePrDir({ cwd, repo: 'app', pr: 'My PR' })).toBe(join(cwd, 'app', '.plans', 'my-pr'));
  });
});
