import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { tempDir } from '@planwright/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { PlanSchema } from '../schemas/plan.js';
import { loadPlan } from './load-plan.js';
import { updatePlan } from './update-plan.js';

const plan = { goal: 'g', tasks: [{ id: 't1', title: 'One', status: 'pending' }, { id: 't2', title: 'Two', status: 'pending', depends_on: ['t1'] }] };

async function planFile(): Promise<string> {
  const file = join(await tempDir('planwright-valid-texts-'), 'plan.json');
  await writeFile(file, JSON.stringify(plan));
  return file;
}

afterEach(() => vi.restoreAllMocks());

describe('a plan text this process wrote after a full check', () => {
  it('is read back without checking it again', async () => {
    const file = await planFile();
    await updatePlan(file, (entry) => void (entry.tasks[0]!.status = 'done'));
    const check = vi.spyOn(PlanSchema, 'safeParse');
    const read = await loadPlan(file);
    expect(read.tasks.map((task) => task.status)).toEqual(['done', 'pending']);
    expect(check).not.toHaveBeenCalled();
    // The next update checks its change (once), not the text it starts from.
    await updatePlan(file, (entry) => void (entry.tasks[1]!.status = 'done'));
    expect(check).toHaveBeenCalledTimes(1);
  });

  it('an edit by someone else, even one key, is checked in full and refused when wrong', async () => {
    const file = await planFile();
    await updatePlan(file, (entry) => void (entry.tasks[0]!.status = 'done'));
    const written = await readFile(file, 'utf8');
    await writeFile(file, written.replace('"depends_on": [\n        "t1"\n      ]', '"depends_on": [\n        "t9"\n      ]'));
    expect(await readFile(file, 'utf8')).not.toBe(written);
    await expect(loadPlan(file)).rejects.toThrow(/t9/);
    await expect(updatePlan(file, () => undefined)).rejects.toThrow(/t9/);
  });

  it('each read is a plan of its own: changing one never changes the next', async () => {
    const file = await planFile();
    await updatePlan(file, (entry) => void (entry.tasks[0]!.status = 'done'));
    const first = await loadPlan(file);
    first.tasks[0]!.status = 'blocked';
    expect((await loadPlan(file)).tasks[0]!.status).toBe('done');
  });
});
