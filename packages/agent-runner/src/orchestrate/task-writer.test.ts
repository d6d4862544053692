import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { loadPlan, updatePlan } from '@planwright/plan-schema';
import { runLayout, writeMeta } from '@planwright/run-store';
import { tempDir, tempPlanRepo } from '@planwright/test-utils';
import { describe, expect, it, vi } from 'vitest';
import { runWriters } from './task-writer.js';

vi.mock('@planwright/plan-schema', async (actual) => {
  const real = await actual<typeof import('@planwright/plan-schema')>();
  return { ...real, updatePlan: vi.fn(real.updatePlan) };
});

const tasks = ['t1', 't2', 't3', 't4'].map((id) => ({ id, title: `Task ${id}`, status: 'pending' }));

async function setup() {
  const { planFile } = await tempPlanRepo({ plan: { goal: 'g', tasks } });
  const layout = runLayout(join(await tempDir('planwright-writers-'), 'run'));
  await mkdir(layout.runDir, { recursive: true });
  const now = new Date().toISOString();
  await writeMeta(layout, { run_dir: layout.runDir, invocation_run_id: 'r1', created_at: now, updated_at: now, prompt_preview: null, current_task_id: null, status: 'running' });
  return { planFile, layout };
}

describe('runWriters', () => {
  it('batched: changes handed in together are one write of plan.json, and each resolves once it is on disk', async () => {
    const { planFile, layout } = await setup();
    const { writeTask } = runWriters(planFile, layout, { batch: true });
    vi.mocked(updatePlan).mockClear();
    await Promise.all(tasks.map((task) => writeTask(task.id, (entry) => void (entry.status = 'in_progress'))));
    expect(vi.mocked(updatePlan)).toHaveBeenCalledTimes(1);
    expect((await loadPlan(planFile)).tasks.map((task) => task.status)).toEqual(['in_progress', 'in_progress', 'in_progress', 'in_progress']);
  });

  it('batched: a change the plan refuses fails alone; the others of its batch are written', async () => {
    const { planFile, layout } = await setup();
    const { writeTask } = runWriters(planFile, layout, { batch: true });
    const results = await Promise.allSettled([
      writeTask('t1', (entry) => void (entry.status = 'done')),
      writeTask('t2', (entry) => void ((entry as { status: string }).status = 'finished-ish')),
      writeTask('t3', (entry) => void (entry.status = 'blocked')),
    ]);
    expect(results.map((result) => result.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect((await loadPlan(planFile)).tasks.map((task) => task.status)).toEqual(['done', 'pending', 'blocked', 'pending']);
  });

  it('local: one write per change', async () => {
    const { planFile, layout } = await setup();
    const { writeTask } = runWriters(planFile, layout, { batch: false });
    vi.mocked(updatePlan).mockClear();
    await Promise.all(tasks.map((task) => writeTask(task.id, (entry) => void (entry.status = 'in_progress'))));
    expect(vi.mocked(updatePlan)).toHaveBeenCalledTimes(4);
  });

  it('batched meta.json: every change handed in together lands', async () => {
    const { planFile, layout } = await setup();
    const { patchMeta } = runWriters(planFile, layout, { batch: true });
    await Promise.all(tasks.map((task) => patchMeta((meta) => void ((meta.tasks ??= {})[task.id] = { status: 'completed' }))));
    const meta = JSON.parse(await readFile(layout.metaPath, 'utf8')) as { tasks: Record<string, { status: string }> };
    expect(Object.keys(meta.tasks).sort()).toEqual(['t1', 't2', 't3', 't4']);
  });
});
