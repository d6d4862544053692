import { readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tempDir } from '@planwright/test-utils';
import type { Meta } from '@planwright/plan-schema';
import { describe, expect, it } from 'vitest';
import { RunStoreError } from '../errors.js';
import { prepareRunDir } from '../layout/prepare-run-dir.js';
import { readAgentProcesses, recordAgentProcess } from './agent-pids.js';
import { readHeartbeat, writeHeartbeat } from './heartbeat.js';
import { readMeta, updateMeta, updateTaskRunState, writeMeta } from './meta.js';

async function newRun() {
  const layout = await prepareRunDir({ runsRoot: await tempDir(), handshake: 'results-json' });
  const meta: Meta = {
    run_dir: layout.runDir,
    invocation_run_id: '20261124-101500-4242-ab12',
    created_at: '2026-11-24T10:15:00Z',
    updated_at: '2026-11-24T10:15:00Z',
    status: 'running',
  };
  return { layout, meta };
}

const readJson = async (file: string) => JSON.parse(await readFile(file, 'utf8'));

describe('meta.json', () => {
  it('writes 2-space JSON atomically and reads it back; missing reads as undefined', async () => {
    const { layout, meta } = await newRun();
    expect(await readMeta(layout.runDir)).toBeUndefined();
    await writeMeta(layout, meta);
    expect(await readFile(layout.metaPath, 'utf8')).toBe(`${JSON.stringify(meta, null, 2)}\n`);
    expect(await readMeta(layout.runDir)).toEqual(meta);
    expect((await readdir(layout.runDir)).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  });

  it('names the file and position of invalid JSON', async () => {
    const { layout } = await newRun();
    await writeFile(layout.metaPath, '{"status": "running",\n  oops}');
    const error = await readMeta(layout.runDir).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RunStoreError);
    expect((error as Error).message).toMatch(new RegExp(`^${layout.metaPath}:2:\\d+: invalid JSON`));
    await writeFile(layout.metaPath, JSON.stringify({ run_dir: 'x', invocation_run_id: 'y', created_at: 'z', status: 'bogus' }));
    await expect(readMeta(layout.runDir)).rejects.toThrow(`${layout.metaPath}: status:`);
  });

  it("reads the kit's meta.json, which has no updated_at before its first update", async () => {
    const { layout } = await newRun();
    const kit = { run_dir: layout.runDir, invocation_run_id: 'r', created_at: '2025-01-01T00:00:00+00:00', status: 'running', args: { plan_dir: '/p' } };
    await writeFile(layout.metaPath, JSON.stringify(kit));
    expect(await readMeta(layout.runDir)).toEqual({ ...kit, updated_at: kit.created_at });
  });

  it('updateMeta merges a patch or runs a function, sets updated_at, keeps unknown keys', async () => {
    const { layout, meta } = await newRun();
    await writeMeta(layout, { ...meta, x_custom: { a: 1 } });
    const patched = await updateMeta(layout, { status: 'agent_running', agent_pid: 4242 });
    expect(patched).toMatchObject({ status: 'agent_running', agent_pid: 4242, x_custom: { a: 1 } });
    expect(patched.updated_at).not.toBe(meta.updated_at);
    await updateMeta(layout, (current) => {
      current.current_task_id = 'task_001';
    });
    expect(await readJson(layout.metaPath)).toMatchObject({ status: 'agent_running', current_task_id: 'task_001', x_custom: { a: 1 } });
  });

  it('writes nothing when an update would make meta.json invalid, or when there is none', async () => {
    const { layout, meta } = await newRun();
    await expect(updateMeta(layout, { status: 'x' } as never)).rejects.toThrow(RunStoreError);
    await writeMeta(layout, meta);
    const before = await readFile(layout.metaPath, 'utf8');
    await expect(updateMeta(layout, { status: 'bogus' } as never)).rejects.toThrow(/status/);
    expect(await readFile(layout.metaPath, 'utf8')).toBe(before);
  });

  it('says the run folder was deleted under the run when meta.json is gone; a write there names the file and why', async () => {
    const { layout, meta } = await newRun();
    await writeMeta(layout, meta);
    await rm(layout.runDir, { recursive: true });
    await expect(updateMeta(layout, { status: 'agent_running' })).rejects.toMatchObject({
      message: `${layout.metaPath}: meta.json is gone`,
      hint: 'was the run folder deleted or moved while the run was going? start the run again',
    });
    await expect(writeMeta(layout, meta)).rejects.toMatchObject({
      message: `cannot write ${layout.metaPath}: ENOENT`,
      hint: expect.stringContaining('was the run folder deleted or moved while the run was going?'),
    });
  });

  it('loses no update when many tasks update one meta.json at once', async () => {
    const { layout, meta } = await newRun();
    await writeMeta(layout, meta);
    const ids = Array.from({ length: 60 }, (_, i) => `task_${String(i).padStart(3, '0')}`);
    await Promise.all(
      ids.flatMap((id, i) => [
        updateTaskRunState(layout, id, { status: 'agent_running', agent_pid: 1000 + i }),
        updateMeta(layout, (current) => {
          current[`seen_${id}`] = true;
        }),
        updateTaskRunState(layout, id, { thread_id: `thread-${i}` }),
      ]),
    );
    const final = await readJson(layout.metaPath);
    expect(Object.keys(final.tasks)).toHaveLength(60);
    ids.forEach((id, i) => {
      expect(final.tasks[id]).toEqual({ status: 'agent_running', agent_pid: 1000 + i, thread_id: `thread-${i}` });
      expect(final[`seen_${id}`]).toBe(true);
    });
  });

  it('never shows a reader a half-written meta.json', async () => {
    const { layout, meta } = await newRun();
    await writeMeta(layout, { ...meta, prompt_preview: 'x'.repeat(200_000) });
    let reads = 0;
    let writing = true;
    const reader = (async () => {
      while (writing) {
        expect(JSON.parse(await readFile(layout.metaPath, 'utf8')).run_dir).toBe(layout.runDir);
        reads++;
      }
    })();
    for (let i = 0; i < 30; i++) await updateMeta(layout, { prompt_preview: String(i).repeat(200_000) });
    writing = false;
    await reader;
    expect(reads).toBeGreaterThan(0);
  });
});

describe('heartbeat.json', () => {
  it('writes updated_at, task, run id, what it waits for and the last event, keeping other keys', async () => {
    const { layout } = await newRun();
    expect(await readHeartbeat(layout.runDir)).toBeUndefined();
    await writeFile(layout.heartbeatPath, JSON.stringify({ x_custom: 1 }));
    await writeHeartbeat(layout, { task_id: 't1', run_id: 'r1', waiting_for: layout.resultsPath('t1'), last_event_at: '2026-11-24T10:16:00Z' });
    const beat = await readHeartbeat(layout.runDir);
    expect(beat).toMatchObject({ x_custom: 1, task_id: 't1', run_id: 'r1', waiting_for: layout.resultsPath('t1'), last_event_at: '2026-11-24T10:16:00Z' });
    expect(beat!.updated_at).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
  });
});

describe('agent_pids.json', () => {
  it('records each task’s agent, concurrently, and reads them back', async () => {
    const { layout } = await newRun();
    expect(await readAgentProcesses(layout.runDir)).toEqual({});
    await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        recordAgentProcess(layout, 'run-1', `t${i}`, { pid: 100 + i, pgid: 100 + i, started_at: '2026-11-24T10:15:00Z', agent: 'codex' }),
      ),
    );
    const agents = await readAgentProcesses(layout.runDir);
    expect(Object.keys(agents)).toHaveLength(20);
    expect(agents.t7).toEqual({ pid: 107, pgid: 107, started_at: '2026-11-24T10:15:00Z', agent: 'codex', run_id: 'run-1' });
    expect(await readJson(layout.agentPidsPath)).toMatchObject({ run_id: 'run-1', agents: { t7: { pid: 107 } } });
  });

  it("reads the Python kit's {task_id: pid} form, and upgrades it when a new agent is recorded", async () => {
    const { layout } = await newRun();
    await writeFile(layout.agentPidsPath, JSON.stringify({ task_001: 4242 }));
    expect(await readAgentProcesses(layout.runDir)).toEqual({ task_001: { pid: 4242, pgid: 4242, started_at: null, agent: 'codex' } });
    await recordAgentProcess(layout, 'run-2', 'task_002', { pid: 5000 });
    expect(await readAgentProcesses(layout.runDir)).toEqual({
      task_001: { pid: 4242, pgid: 4242, started_at: null, agent: 'codex' },
      task_002: { pid: 5000, pgid: 5000, started_at: null, agent: null, run_id: 'run-2' },
    });
  });
});
