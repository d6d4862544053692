import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { git, isolatedGitEnv, tempDir, tempGitRepo, writeFiles } from '@planwright/test-utils';
import { describe, expect, it } from 'vitest';
import { DEFERRED_HOUSEKEEPING, houseKeep } from './housekeeping.js';
import { runGit } from './run-git.js';

const env = isolatedGitEnv();

/** Runs git with GIT_TRACE to a file; the commands it ran in turn (`run_command: ...` lines). */
async function tracedChildren(repo: string, args: string[]): Promise<string[]> {
  const trace = join(await tempDir('planwright-trace-'), 'trace.txt');
  await runGit(args, { cwd: repo, env: { ...env, GIT_TRACE: trace } });
  return readFileSync(trace, 'utf8').split('\n').filter((line) => line.includes('run_command:'));
}

function looseObjects(repo: string): number {
  const objects = join(repo, '.git', 'objects');
  return readdirSync(objects).filter((name) => /^[0-9a-f]{2}$/.test(name)).reduce((sum, dir) => sum + readdirSync(join(objects, dir)).length, 0);
}

describe('deferred housekeeping', () => {
  it('a commit ends with git maintenance, and with DEFERRED_HOUSEKEEPING it does not', async () => {
    const repo = await tempGitRepo({ files: { 'a.txt': 'a' } });
    await writeFiles(repo, { 'b.txt': 'b' });
    await git(repo, ['add', 'b.txt']);
    expect((await tracedChildren(repo, [...DEFERRED_HOUSEKEEPING, 'commit', '--quiet', '-m', 'b'])).join('\n')).not.toMatch(/maintenance|gc/);
    await writeFiles(repo, { 'c.txt': 'c' });
    await git(repo, ['add', 'c.txt']);
    expect((await tracedChildren(repo, ['commit', '--quiet', '-m', 'c'])).join('\n')).toMatch(/maintenance run --auto|gc --auto/);
  });

  it('houseKeep packs the loose objects once there are enough of them', async () => {
    const repo = await tempGitRepo({ files: { 'a.txt': 'a' } });
    // gc.auto counts the loose objects of one of the 256 object folders: 1,500 committed files put a few
    // in each (gc packs only what a ref reaches).
    mkdirSync(join(repo, 'many'));
    for (let n = 0; n < 1500; n++) writeFileSync(join(repo, 'many', `${n}.txt`), `${n}\n`);
    await git(repo, ['add', 'many']);
    await runGit([...DEFERRED_HOUSEKEEPING, 'commit', '--quiet', '-m', 'many'], { cwd: repo, env });
    expect(looseObjects(repo)).toBeGreaterThan(1500);
    await houseKeep({ cwd: repo, env: { ...env, GIT_CONFIG_COUNT: '1', GIT_CONFIG_KEY_0: 'gc.auto', GIT_CONFIG_VALUE_0: '100' } });
    expect(looseObjects(repo)).toBeLessThan(100);
  });

  it('a failure names the subcommand, not the -c options before it', async () => {
    const repo = await tempGitRepo({ files: { 'a.txt': 'a' } });
    await expect(runGit([...DEFERRED_HOUSEKEEPING, 'cherry-pick', 'no-such-commit'], { cwd: repo, env })).rejects.toThrow(/^git cherry-pick failed/);
  });
});
