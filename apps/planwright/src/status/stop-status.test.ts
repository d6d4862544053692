import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { captureIo } from '@planwright/cli-kit';
import { tempPlanRepo } from '@planwright/test-utils';
import { describe, expect, it } from 'vitest';
import { main } from '../cli.js';

const plan = { goal: 'Overnight', tasks: [{ id: 'task_001', title: 'One', status: 'paused', paused_until: '2026-12-07T02:00:00Z', paused_reason: 'usage limit' }] };

async function statusOf(stoppedBecause: unknown) {
  const { repo, planDir } = await tempPlanRepo({ plan });
  const runDir = join(planDir, 'runs', '20261206-230000-111');
  await mkdir(runDir, { recursive: true });
  const meta = { run_dir: runDir, invocation_run_id: 'r-1', created_at: '2026-12-06T23:00:00Z', updated_at: '2026-12-06T23:10:00Z', status: 'completed', current_task_id: 'task_001', stopped_because: stoppedBecause };
  await writeFile(join(runDir, 'meta.json'), JSON.stringify(meta));
  const text = captureIo();
  expect(await main(['status', '--repo', repo, '--pr', 'pr-1'], text)).toBe(0);
  const json = captureIo();
  await main(['status', '--repo', repo, '--pr', 'pr-1', '--json'], json);
  return { lines: text.stdout.trimEnd().split('\n'), json: JSON.parse(json.stdout) as { latest_run: { stopped_because: unknown } } };
}

describe('planwright status: why the latest run stopped', () => {
  it.each([
    [{ reason: 'paused', task_ids: ['task_001'], until: '2026-12-07T02:00:00Z' }, 'run stopped: paused until 2026-12-07T02:00:00Z (task_001)'],
    [{ reason: 'budget', detail: 'tokens: 1,020,000 spent + 300,000 estimated > 1,200,000' }, 'run stopped: budget (tokens: 1,020,000 spent + 300,000 estimated > 1,200,000)'],
    [{ reason: 'blocked', task_ids: ['task_001'], detail: 'timeout' }, 'run stopped: blocked: task_001 (timeout)'],
    [{ reason: 'done' }, 'run stopped: done'],
  ])('%j -> its line after the latest run, and in --json', async (stop, line) => {
    const { lines, json } = await statusOf(stop);
    const at = lines.findIndex((text) => text.startsWith('latest run: '));
    expect(lines[at + 1]).toBe(line);
    expect(json.latest_run.stopped_because).toEqual(stop);
  });

  it('says nothing of a run whose meta.json has no reason (still running, or older than planwright 17)', async () => {
    const { lines, json } = await statusOf(undefined);
    expect(lines.some((text) => text.startsWith('run stopped'))).toBe(false);
    expect(json.latest_run.stopped_because).toBeNull();
  });
});
