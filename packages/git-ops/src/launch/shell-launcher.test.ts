import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { isolatedGitEnv, tempDir, tempGitRepo } from '@planwright/test-utils';
import { afterAll, describe, expect, it } from 'vitest';
import { launchGit } from './launch-git.js';
import { launcherTempRoot, ShellLauncher } from './shell-launcher.js';
import { spawnDirectly } from './spawn-directly.js';
import type { Launch } from './spawned.js';

const launcher = new ShellLauncher();
afterAll(() => launcher.close());

const base = { ...process.env, ...isolatedGitEnv(), LC_ALL: 'C' };
/** `git e` prints git's environment (an alias to `env`). */
const printEnv = ['-c', 'alias.e=!env', 'e'];

/** The states (R, S, Z...) of the processes whose parent is `pid`, from /proc. */
async function childStates(pid: number): Promise<string[]> {
  const states: string[] = [];
  for (const entry of await readdir('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const stat = await readFile(`/proc/${entry}/stat`, 'utf8').catch(() => '');
    const [state, parent] = stat.replace(/^.*\) /s, '').split(' ');
    if (Number(parent) === pid) states.push(state!);
  }
  return states;
}

/** The same launch through the shell and directly: both results, to compare. */
async function both(launch: Launch) {
  return { shell: await launcher.launch(launch), direct: await spawnDirectly(launch) };
}

describe('ShellLauncher: git started by a kept shell, as node would start it', () => {
  it('gives the same output, errors and exit codes, arguments passed exactly', async () => {
    const repo = await tempGitRepo({ files: { 'a b.txt': "it's $HOME `x`\n" } });
    const odd = ["it's", 'a "b"', '$HOME', '`id`', 'new\nline', '-n', '', '\\'];
    const cases: string[][] = [
      ['rev-parse', 'HEAD'],
      ['show', 'HEAD:a b.txt'],
      ['log', '--format=%s%n%n'],
      ['rev-parse', '--verify', 'no-such-ref'],
      ['no-such-command'],
      ['-c', 'alias.echo=!printf "[%s]"', 'echo', ...odd],
    ];
    for (const args of cases) {
      const { shell, direct } = await both({ args, cwd: repo, env: base });
      expect(shell, args.join(' ')).toEqual(direct);
    }
    const echoed = await launcher.launch({ args: ['-c', 'alias.echo=!printf "[%s]"', 'echo', ...odd], cwd: repo, env: base });
    expect(echoed!.stdout).toBe(odd.map((arg) => `[${arg}]`).join(''));
  });

  it("hands git the caller's environment: variables added, changed and removed", async () => {
    const repo = await tempGitRepo({ files: { 'a.txt': 'a' } });
    const env: NodeJS.ProcessEnv = { ...base, PLANWRIGHT_ADDED: "a 'quoted' value\nover two lines", HOME: '/nowhere' };
    delete env.USER;
    const shown = (await launcher.launch({ args: printEnv, cwd: repo, env }))!.stdout;
    expect(shown).toContain("PLANWRIGHT_ADDED=a 'quoted' value\nover two lines");
    expect(shown).toMatch(/^HOME=\/nowhere$/m);
    expect(shown).not.toMatch(/^USER=/m);
    expect(shown).toMatch(/^LC_ALL=C$/m);
  });

  it('says ENOENT for a missing folder and for a missing git, as node does', async () => {
    const gone = join(await tempDir('planwright-launch-'), 'gone');
    expect(await launcher.launch({ args: ['status'], cwd: gone, env: base })).toMatchObject({ code: 'ENOENT' });
    const repo = await tempGitRepo({ files: { 'a.txt': 'a' } });
    const noGit = await both({ args: ['status'], cwd: repo, env: { ...base, PATH: await tempDir('planwright-empty-path-') } });
    for (const result of [noGit.shell, noGit.direct]) {
      expect(result).toMatchObject({ code: 'ENOENT' });
      expect(result!.exitCode).toBeUndefined();
    }
  });

  it('a Ctrl-C to the process group leaves the shell answering, and a file for a folder is not "git missing"', async () => {
    const repo = await tempGitRepo({ files: { 'a.txt': 'a' } });
    const own = new ShellLauncher();
    try {
      await own.launch({ args: ['rev-parse', 'HEAD'], cwd: repo, env: base });
      process.kill(own.pid!, 'SIGINT');
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect((await own.launch({ args: ['rev-parse', '--is-inside-work-tree'], cwd: repo, env: base }))!.stdout).toBe('true');
      expect(await own.launch({ args: ['status'], cwd: join(repo, 'a.txt'), env: base })).toMatchObject({ code: 'ENOTDIR' });
    } finally {
      own.close();
    }
  });

  it('keeps its files in /dev/shm where there is one, out of TMPDIR (a command may check its scratch folder is left empty)', async () => {
    const repo = await tempGitRepo({ files: { 'a.txt': 'a' } });
    const scratch = await tempDir('planwright-scratch-');
    const saved = process.env.TMPDIR;
    process.env.TMPDIR = scratch;
    try {
      const own = new ShellLauncher();
      expect((await own.launch({ args: ['rev-parse', '--is-inside-work-tree'], cwd: repo, env: base }))!.stdout).toBe('true');
      const shm = existsSync('/dev/shm');
      expect(launcherTempRoot()).toBe(shm ? '/dev/shm' : scratch);
      if (shm) expect(await readdir(scratch)).toEqual([]);
      own.close();
    } finally {
      if (saved === undefined) delete process.env.TMPDIR;
      else process.env.TMPDIR = saved;
    }
  });

  it("removes the folders of launchers whose process is gone (killed before it could), never a live one's", async () => {
    const root = launcherTempRoot();
    const gone = await promisify(execFile)(process.execPath, ['-e', 'console.log(process.pid)']).then(({ stdout }) => Number(stdout));
    const stale = join(root, `planwright-git-${gone}-abcdef`);
    const live = join(root, `planwright-git-${process.pid}-ghijkl`);
    await mkdir(join(stale, 'left'), { recursive: true });
    await mkdir(live, { recursive: true });
    const own = new ShellLauncher();
    try {
      expect(existsSync(stale)).toBe(false);
      expect(existsSync(live)).toBe(true);
    } finally {
      own.close();
      await rm(live, { recursive: true, force: true });
    }
  });

  it('runs commands side by side and gives each its own output, large ones whole', async () => {
    const repo = await tempGitRepo({ files: { 'a.txt': 'a' } });
    const big = 'x'.repeat(1 << 20);
    await writeFile(join(repo, 'big.txt'), big);
    const results = await Promise.all(Array.from({ length: 20 }, (_, n) => launcher.launch({ args: ['-c', `alias.n=!echo ${n}`, 'n'], cwd: repo, env: base })));
    expect(results.map((result) => result!.stdout)).toEqual(Array.from({ length: 20 }, (_, n) => String(n)));
    const cat = await launcher.launch({ args: ['-c', 'alias.c=!cat big.txt', 'c'], cwd: repo, env: base });
    expect(cat!.stdout).toBe(big);
  });

  it('leaves no zombie behind: the subshells of finished commands are reaped as it goes', async () => {
    const repo = await tempGitRepo({ files: { 'a.txt': 'a' } });
    const own = new ShellLauncher();
    try {
      for (let n = 0; n < 40; n++) await own.launch({ args: ['rev-parse', 'HEAD'], cwd: repo, env: base });
      // A subshell whose answer came a moment before it exited is reaped with the next one's.
      expect((await childStates(own.pid!)).filter((state) => state === 'Z').length).toBeLessThanOrEqual(1);
    } finally {
      own.close();
    }
  });

  it('leaves to node an environment name the shell cannot hold, and git still gets it', async () => {
    const repo = await tempGitRepo({ files: { 'a.txt': 'a' } });
    const env = { ...base, 'PLANWRIGHT-DASHED': 'yes' };
    expect(await launcher.launch({ args: printEnv, cwd: repo, env })).toBeUndefined();
    expect((await launchGit({ args: printEnv, cwd: repo, env })).stdout).toMatch(/^PLANWRIGHT-DASHED=yes$/m);
  });

  it("counts git's CPU as the process's children's, as when node started git (the shell is reaped at the end)", async () => {
    const launchModule = fileURLToPath(new URL('../../dist/index.js', import.meta.url));
    // Eight git commands that each burn ~0.1 s of CPU in a shell of git's (an alias).
    const burn = "alias.burn=!i=0; while [ $i -lt 100000 ]; do i=$((i+1)); done";
    const script = `import { runGit } from ${JSON.stringify(launchModule)}; for (let n = 0; n < 8; n++) await runGit(['-c', ${JSON.stringify(burn)}, 'burn'], { cwd: process.cwd() });`;
    // bash's `times`: its children's CPU (node, and what node waited for), user then system.
    const { stderr } = await promisify(execFile)('bash', ['-c', `"$0" --input-type=module -e "$1" && times >&2`, process.execPath, script], { timeout: 60_000 });
    const [, minutes, seconds] = stderr.trim().split('\n').at(-1)!.match(/^(\d+)m([\d.]+)s/)!;
    expect(60 * Number(minutes) + Number(seconds)).toBeGreaterThan(0.6);
  });

  it('does not keep a process alive once its git commands are done', async () => {
    const launchModule = fileURLToPath(new URL('../../dist/index.js', import.meta.url));
    const script = `import { runGit } from ${JSON.stringify(launchModule)}; const r = await runGit(['--version'], { cwd: process.cwd() }); console.log(r.stdout);`;
    const started = Date.now();
    const { stdout } = await promisify(execFile)(process.execPath, ['--input-type=module', '-e', script], { timeout: 20_000 });
    expect(stdout).toMatch(/^git version/);
    expect(Date.now() - started).toBeLessThan(20_000);
  });
});
