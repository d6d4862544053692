import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { tempDir } from '@planwright/test-utils';
import { describe, expect, it } from 'vitest';
import { updatePlan } from './update-plan.js';

const original = `{
  "goal": "ship it",
  "x-team": {"owner": "ana", "labels": ["a", "b"]},
  "tasks": [
    {"title": "First", "id": "t1", "status": "pending", "custom": {"nested": [1, {"deep": true}]}},
    {"task_id": "t2", "status": "delegated", "depends_on": ["t1"], "zz": null}
  ],
  "created_at": "2026-01-01T00:00:00Z"
}`;

async function planFile(text = original): Promise<string> {
  const file = join(await tempDir(), 'plan.json');
  await writeFile(file, text);
  return file;
}

describe('updatePlan', () => {
  it('keeps key order and unknown keys at every level, in the stable format', async () => {
    const file = await planFile();
    await updatePlan(file, (plan) => {
      plan.tasks[0]!.status = 'done';
    });
    const written = await readFile(file, 'utf8');
    expect(written).toBe(`{
  "goal": "ship it",
  "x-team": {
    "owner": "ana",
    "labels": [
      "a",
      "b"
    ]
  },
  "tasks": [
    {
      "title": "First",
      "id": "t1",
      "status": "done",
      "custom": {
        "nested": [
          1,
          {
            "deep": true
          }
        ]
      }
    },
    {
      "id": "t2",
      "status": "in_progress",
      "depends_on": [
        "t1"
      ],
      "zz": null
    }
  ],
  "created_at": "2026-01-01T00:00:00Z"
}
`);
  });

  it('writes nothing when the text does not change', async () => {
    const file = await planFile('{\n  "tasks": []\n}\n');
    const { written } = await updatePlan(file, () => undefined);
    expect(written).toBe(false);
  });

  it('returns what the change returned', async () => {
    const file = await planFile();
    const { result } = await updatePlan(file, (plan) => plan.tasks.length);
    expect(result).toBe(2);
  });

  it('refuses a change that makes the plan invalid and leaves the file untouched', async () => {
    const file = await planFile();
    await expect(
      updatePlan(file, (plan) => {
        plan.tasks[1]!.depends_on = ['nobody'];
      }),
    ).rejects.toThrow('the change would make the plan invalid: no task has the id "nobody"');
    expect(await readFile(file, 'utf8')).toBe(original);
  });

  it('writes nothing when the change throws', async () => {
    const file = await planFile();
    await expect(
      updatePlan(file, () => {
        throw new Error('changed my mind');
      }),
    ).rejects.toThrow('changed my mind');
    expect(await readFile(file, 'utf8')).toBe(original);
  });

  it('leaves no temp or lock file behind', async () => {
    const file = await planFile();
    await updatePlan(file, (plan) => {
      plan.goal = 'changed';
    });
    expect(await readdir(join(file, '..'))).toEqual(['plan.json']);
  });

  it('loses no update when many run at once', async () => {
    const tasks = Array.from({ length: 30 }, (_, i) => ({ id: `t${i}`, status: 'pending' }));
    const file = await planFile(JSON.stringify({ tasks }));
    await Promise.all(
      tasks.map((task) =>
        updatePlan(file, async (plan) => {
          await new Promise((resolve) => setTimeout(resolve, 1));
          plan.tasks.find((candidate) => candidate.id === task.id)!.status = 'done';
        }),
      ),
    );
    const final = JSON.parse(await readFile(file, 'utf8')) as { tasks: { status: string }[] };
    expect(final.tasks.every((task) => task.status === 'done')).toBe(true);
  });
});
