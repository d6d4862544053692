import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { captureIo } from '@planwright/cli-kit';
import { tempPlanRepo } from '@planwright/test-utils';
import { execa } from 'execa';
import { beforeAll, describe, expect, it } from 'vitest';
import { writeRun } from '../test/helpers.js';
import { main } from './cli.js';

// These tests run the built package (dist/), as users get it: `pnpm build` first.
const bin = fileURLToPath(new URL('../dist/bin/run-store.js', import.meta.url));

beforeAll(() => {
  if (!existsSync(bin)) throw new Error(`${bin} is missing: run "pnpm build" before these tests`);
});

describe('the run-store bin', () => {
  it('prints the prerendered help, identical to what yargs renders now', async () => {
    const io = captureIo();
    await main(['--help'], io);
    const spawned = await execa('node', [bin, '--help']);
    expect(`${spawned.stdout}\n`).toBe(io.stdout);
  });

  it('runs a command end to end, and exits 2 with one line for bad input', async () => {
    const { repo, planDir } = await tempPlanRepo({ plan: { tasks: [] } });
    const runDir = await writeRun(join(planDir, 'runs'), '20261124-101500-1', { meta: { status: 'running' } });
    const stop = await execa('node', [bin, 'stop', '--run-dir', runDir]);
    expect(stop.stdout).toBe(join(runDir, 'control/stop'));
    expect(existsSync(join(runDir, 'control/stop'))).toBe(true);
    const sync = await execa('node', [bin, 'sync-plan', '--repo', repo, '--pr', 'pr-1']);
    expect(sync.stdout).toBe('plan in sync');
    const bad = await execa('node', [bin, 'list', '--repo', repo, '--pr', 'nope'], { reject: false });
    expect(bad.exitCode).toBe(2);
    expect(bad.stderr.split('\n')).toHaveLength(1);
  });
});
