import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { captureIo } from '@planwright/cli-kit';
import { tempPlanRepo } from '@planwright/test-utils';
import { execa } from 'execa';
import { beforeAll, describe, expect, it } from 'vitest';
import { main } from './cli.js';
import { jsonSchemaFor, SCHEMAS, type SchemaName } from './schemas/json-schema.js';

// These tests run the built package (dist/), as users get it: `pnpm build` first.
const dist = (path: string) => fileURLToPath(new URL(`../dist/${path}`, import.meta.url));
const bin = dist('bin/plan-schema.js');

beforeAll(() => {
  if (!existsSync(bin)) throw new Error(`${bin} is missing: run "pnpm build" before these tests`);
});

async function inProcess(argv: string[]) {
  const io = captureIo();
  const code = await main(argv, io);
  return { code, stdout: io.stdout, stderr: io.stderr };
}

describe('the plan-schema bin', () => {
  it('prints the prerendered help, identical to what yargs renders now', async () => {
    const spawned = await execa('node', [bin, '--help']);
    expect(spawned.stdout + '\n').toBe((await inProcess(['--help'])).stdout);
  });

  it('takes the fast path for validate with the same output and exit code as the full CLI', async () => {
    const good = await tempPlanRepo({ plan: { tasks: [{ id: 'a' }, { id: 'b', depends_on: ['a'] }] } });
    const bad = await tempPlanRepo({ plan: { tasks: [{ id: 'a', status: 'nope' }, { id: 'a' }] } });
    for (const file of [good.planFile, bad.planFile]) {
      for (const extra of [[], ['--json']]) {
        const fast = await execa('node', [bin, 'validate', file, ...extra], { reject: false });
        const full = await inProcess(['validate', file, ...extra]);
        expect({ code: fast.exitCode, stdout: fast.stdout, stderr: fast.stderr }).toEqual({
          code: full.code,
          stdout: full.stdout.trimEnd(),
          stderr: full.stderr.trimEnd(),
        });
      }
    }
  });

  it('gives validate with any other flag to yargs, which rejects unknown flags', async () => {
    const { planFile } = await tempPlanRepo({ plan: { tasks: [] } });
    const result = await execa('node', [bin, 'validate', planFile, '--bogus'], { reject: false });
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toBe('plan-schema: unknown option: --bogus (see plan-schema --help)');
  });

  it('ships the JSON Schema generated from the zod schemas', async () => {
    for (const name of Object.keys(SCHEMAS) as SchemaName[]) {
      const shipped = JSON.parse(await readFile(dist(`schemas/${name}.schema.json`), 'utf8'));
      expect(shipped).toEqual(jsonSchemaFor(name));
    }
  });

  it('loses no update with 20 mark-verified processes on one plan at once', async () => {
    const tasks = Array.from({ length: 20 }, (_, i) => ({ id: `task_${i}`, status: 'agent_done', [`x_${i}`]: i }));
    const { repo, planFile, planDir } = await tempPlanRepo({ plan: { goal: 'g', x_top: true, tasks } });
    const runs = tasks.map((task) =>
      execa('node', [bin, 'mark-verified', '--repo', repo, '--pr', 'pr-1', '--task', task.id, '--note', `ok ${task.id}`]),
    );
    const results = await Promise.all(runs);
    expect(results.map((result) => result.exitCode)).toEqual(tasks.map(() => 0));
    const plan = JSON.parse(await readFile(planFile, 'utf8'));
    expect(plan.x_top).toBe(true);
    plan.tasks.forEach((task: Record<string, unknown>, i: number) => {
      expect(task).toMatchObject({ id: `task_${i}`, status: 'done', verified_by: 'manual', verified_note: `ok task_${i}`, [`x_${i}`]: i });
    });
    const log = await readFile(`${planDir}/MASTER.md`, 'utf8');
    expect(log.match(/^## .* — mark-verified task_\d+$/gm)).toHaveLength(20);
    expect(log.match(/Planner Log/g)).toHaveLength(1);
  });
});
