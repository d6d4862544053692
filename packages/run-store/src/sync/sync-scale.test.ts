import { mkdir, truncate, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { tempPlanRepo } from '@planwright/test-utils';
import { describe, expect, it, vi } from 'vitest';
import { deadPid } from '../../test/helpers.js';
import { runStamp } from '../layout/run-id.js';
import { syncPlan } from './sync-plan.js';

// Every file the code under test opens, through either fs API.
const opened = vi.hoisted(() => [] as string[]);
vi.mock('node:fs/promises', async (importOriginal) => {
  const actual = await importOriginal<typeof import('node:fs/promises')>();
  const track =
    <F extends (...args: never[]) => unknown>(fn: F) =>
    (...args: Parameters<F>) => {
      opened.push(String(args[0]));
      return fn(...args);
    };
  return { ...actual, default: actual, readFile: track(actual.readFile), open: track(actual.open) };
});
vi.mock('node:fs', async (importOriginal) => {
  const actual = await importOriginal<typeof import('node:fs')>();
  const track =
    <F extends (...args: never[]) => unknown>(fn: F) =>
    (...args: Parameters<F>) => {
      opened.push(String(args[0]));
      return fn(...args);
    };
  return {
    ...actual,
    default: actual,
    readFileSync: track(actual.readFileSync),
    openSync: track(actual.openSync),
    createReadStream: track(actual.createReadStream),
  };
});

describe('syncPlan over thousands of runs', () => {
  it('scans 2,000 runs reading results files only, never an agent log', { timeout: 120_000 }, async () => {
    const dead = await deadPid();
    const base = new Date(2026, 10, 24, 8, 0, 0).getTime();
    const names = Array.from({ length: 2000 }, (_, i) => `${runStamp(new Date(base + i * 1000))}-${dead}`);
    const tasks = Array.from({ length: 50 }, (_, k) => ({ id: `t${k}`, status: 'in_progress', last_run_id: `${names[0]}-0000` }));
    const { repo, planDir } = await tempPlanRepo({ plan: { tasks } });
    const runsRoot = join(planDir, 'runs');
    for (const [i, name] of names.entries()) {
      const runDir = join(runsRoot, name);
      const id = `t${i % 50}`;
      await mkdir(join(runDir, 'results'), { recursive: true });
      const results = { task_id: id, run_id: `${name}-0000`, status: i % 2 === 0 ? 'completed' : 'partial', summary: `run ${i}` };
      await writeFile(join(runDir, 'results', `${id}.json`), JSON.stringify(results));
      await writeFile(join(runDir, 'meta.json'), JSON.stringify({ invocation_run_id: `${name}-0000`, status: 'completed' }));
      // Every log is huge (sparse: no disk used); reading any one would show in `opened`.
      await writeFile(join(runDir, `agent_${id}.log`), '');
      await truncate(join(runDir, `agent_${id}.log`), 2 ** 31);
    }
    opened.length = 0;

    const report = await syncPlan({ repo, pr: 'pr-1' });

    expect(report.runs_scanned).toBe(2000);
    expect(report.changes).toHaveLength(50);
    expect(report.changes.find((c) => c.task_id === 't0')).toMatchObject({ to: 'agent_done', run_id: `${names[1950]}-0000` });
    expect(report.changes.find((c) => c.task_id === 't49')).toMatchObject({ to: 'blocked', reason: 'agent_reported_partial', run_id: `${names[1999]}-0000` });
    expect(opened.filter((file) => /agent_.*\.log$/.test(file))).toEqual([]);
    // One read per results file, and one meta.json per run to check the results' run id against it.
    expect(opened.filter((file) => file.endsWith('meta.json'))).toHaveLength(2000);
    expect(opened.filter((file) => /\/results\/t\d+\.json$/.test(file))).toHaveLength(2000);
  });
});
