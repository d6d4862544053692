import { existsSync, statSync } from 'node:fs';
import { chmod, mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { tempDir } from '@planwright/test-utils';
import { describe, expect, it } from 'vitest';
import { RunStoreError } from '../errors.js';
import { prepareRunDir, writePlanSnapshot } from './prepare-run-dir.js';
import { newestRunDir, runDirNames } from './run-dirs.js';
import { compareRunIds, newInvocationRunId, newRunDirName, parseRunId } from './run-id.js';
import { prRunsRoot, runLayout } from './run-layout.js';

const at = new Date(2026, 10, 24, 10, 15, 0);

describe('run ids', () => {
  it('stamps local time and the pid like the kit', () => {
    expect(newRunDirName(at)).toBe(`20261124-101500-${process.pid}`);
    expect(newInvocationRunId(at)).toMatch(new RegExp(`^20261124-101500-${process.pid}-[0-9a-f]{4}$`));
    expect(newInvocationRunId(at)).not.toBe(newInvocationRunId(at));
  });

  it('parses ids and folder names back, and orders them by time', () => {
    expect(parseRunId('20261124-101500-4242-ab12')).toEqual({ at, pid: 4242 });
    expect(parseRunId('20261124-101500-4242')).toEqual({ at, pid: 4242 });
    expect(parseRunId('my-run')).toBeUndefined();
    const ids = ['20261124-101500-9-aaaa', '20251231-235959-77777-ffff', '20261124-101501-1-0000'];
    expect(ids.sort(compareRunIds)).toEqual(['20251231-235959-77777-ffff', '20261124-101500-9-aaaa', '20261124-101501-1-0000']);
  });
});

describe('runLayout', () => {
  it('names every path of the run folder', () => {
    const layout = runLayout('/r/runs/20261124-101500-1');
    expect(layout).toMatchObject({
      runDir: '/r/runs/20261124-101500-1',
      compact: false,
      metaPath: '/r/runs/20261124-101500-1/meta.json',
      stopPath: '/r/runs/20261124-101500-1/control/stop',
      heartbeatPath: '/r/runs/20261124-101500-1/control/heartbeat.json',
      agentPidsPath: '/r/runs/20261124-101500-1/control/agent_pids.json',
      planSnapshotPath: '/r/runs/20261124-101500-1/plan/plan.json',
    });
    expect([
      layout.briefPath('t1'),
      layout.promptPath('t1'),
      layout.resultsPath('t1'),
      layout.donePath('t1'),
      layout.agentLogPath('t1'),
      layout.lastMessagePath('t1'),
      layout.verifyLogPath('t1'),
    ]).toEqual(
      ['tasks/t1.md', 'tasks/t1.prompt.txt', 'results/t1.json', 'done/t1.done', 'agent_t1.log', 'last_message_t1.txt', 'verify_t1.log'].map(
        (path) => `/r/runs/20261124-101500-1/${path}`,
      ),
    );
    expect(runLayout('/r/x', { compact: true }).compact).toBe(true);
  });

  it('puts runs under <plan>/runs, or <run-root>/<PR>', () => {
    expect(prRunsRoot({ planDir: '/repo/.plans/pr-1', pr: 'pr-1' })).toBe('/repo/.plans/pr-1/runs');
    expect(prRunsRoot({ planDir: '/repo/.plans/pr-1', pr: 'pr-1', runRoot: '/home/u/.codex/runs' })).toBe('/home/u/.codex/runs/pr-1');
  });
});

describe('prepareRunDir', () => {
  it('creates a new run folder with tasks/, results/, control/ (and done/ for done-file)', async () => {
    const runsRoot = join(await tempDir(), 'deep', 'runs');
    const layout = await prepareRunDir({ runsRoot, handshake: 'results-json', now: at });
    expect(layout.runDir).toBe(join(runsRoot, `20261124-101500-${process.pid}`));
    for (const dir of [layout.tasksDir, layout.resultsDir, layout.controlDir]) expect(statSync(dir).isDirectory()).toBe(true);
    expect(existsSync(layout.doneDir)).toBe(false);
    const doneFile = await prepareRunDir({ runsRoot, handshake: 'done-file', now: new Date(2026, 10, 24, 11) });
    expect(statSync(doneFile.doneDir).isDirectory()).toBe(true);
  });

  it('never shares a folder between two invocations in one second', async () => {
    const runsRoot = await tempDir();
    const first = await prepareRunDir({ runsRoot, handshake: 'results-json', now: at });
    const second = await prepareRunDir({ runsRoot, handshake: 'results-json', now: at });
    expect(second.runDir).toBe(`${first.runDir}-2`);
  });

  it('reuses the newest run folder, or makes one when there is none', async () => {
    const runsRoot = await tempDir();
    const fresh = await prepareRunDir({ runsRoot, reuse: true, handshake: 'results-json', now: at });
    expect(fresh.runDir).toBe(join(runsRoot, `20261124-101500-${process.pid}`));
    await mkdir(join(runsRoot, '20270101-000000-1'));
    await mkdir(join(runsRoot, '.hidden'));
    await writeFile(join(runsRoot, '20990101-000000-1'), 'a file, not a run');
    const reused = await prepareRunDir({ runsRoot, reuse: true, handshake: 'results-json' });
    expect(reused.runDir).toBe(join(runsRoot, '20270101-000000-1'));
    expect(await runDirNames(runsRoot)).toEqual([`20261124-101500-${process.pid}`, '20270101-000000-1']);
    expect(await newestRunDir(join(runsRoot, 'nope'))).toBeUndefined();
  });

  it('uses an explicit run folder as given', async () => {
    const runDir = join(await tempDir(), 'my-run');
    const layout = await prepareRunDir({ runsRoot: '/nonexistent/ignored', runDir, reuse: true, compact: true, handshake: 'results-json' });
    expect(layout).toMatchObject({ runDir, compact: true });
    expect(statSync(layout.resultsDir).isDirectory()).toBe(true);
    expect(existsSync('/nonexistent/ignored')).toBe(false);
  });

  it('fails with a RunStoreError naming the folder when the run root cannot be created', async () => {
    const dir = await tempDir();
    let runsRoot: string;
    if (process.getuid?.() === 0) {
      // chmod does not stop root: a path under a regular file fails for everyone (ENOTDIR).
      await writeFile(join(dir, 'file'), '');
      runsRoot = join(dir, 'file', 'runs');
    } else {
      await mkdir(join(dir, 'locked'));
      await chmod(join(dir, 'locked'), 0o555);
      runsRoot = join(dir, 'locked', 'runs');
    }
    const error = await prepareRunDir({ runsRoot, handshake: 'results-json' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RunStoreError);
    expect((error as RunStoreError).exitCode).toBe(1);
    expect((error as RunStoreError).message).toMatch(new RegExp(`^cannot create the runs folder ${runsRoot}: (ENOTDIR|EACCES)$`));
    expect((error as RunStoreError).hint).toMatch(/--run-root/);
  });
});

describe('writePlanSnapshot', () => {
  it('writes plan/plan.json with extra keys in the full layout, nothing in the compact one', async () => {
    const runsRoot = await tempDir();
    const full = await prepareRunDir({ runsRoot, handshake: 'done-file', now: at });
    const plan = { goal: 'g', tasks: [{ id: 't1' }], x_custom: 1 };
    expect(await writePlanSnapshot(full, plan, { plan_dir: '/p', run_dir: full.runDir })).toBe(full.planSnapshotPath);
    expect(JSON.parse(await readFile(full.planSnapshotPath, 'utf8'))).toEqual({ ...plan, plan_dir: '/p', run_dir: full.runDir });
    const compact = await prepareRunDir({ runsRoot, compact: true, handshake: 'results-json', now: new Date(2026, 0, 1) });
    expect(await writePlanSnapshot(compact, plan)).toBeUndefined();
    expect(existsSync(join(compact.runDir, 'plan'))).toBe(false);
  });
});
