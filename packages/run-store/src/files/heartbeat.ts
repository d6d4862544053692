import { join } from 'node:path';
import { HeartbeatSchema, timestamp, type Heartbeat } from '@planwright/plan-schema';
import type { RunLayout } from '../layout/run-layout.js';
import { readJsonObject, serialized, writeJsonAtomic } from './json-file.js';
import { checkRunFile } from './schema-check.js';

export interface HeartbeatUpdate {
  task_id: string | null;
  run_id: string;
  /** What the orchestrator waits for: the results path, `agent exit`, ... */
  waiting_for: string | null;
  /** When the agent last printed an event. */
  last_event_at?: string | null;
}

/**
 * Writes control/heartbeat.json (atomically, with `updated_at` now), keeping keys others added.
 *
 * @example
 * await writeHeartbeat(layout, { task_id: 'task_001', run_id: runId, waiting_for: layout.resultsPath('task_001') });
 */
export function writeHeartbeat(layout: RunLayout, update: HeartbeatUpdate): Promise<void> {
  return serialized(layout.heartbeatPath, async () => {
    const current = await readJsonObject(layout.heartbeatPath).catch(() => undefined);
    const next: Heartbeat = { ...current, updated_at: timestamp(), ...update, last_event_at: update.last_event_at ?? null };
    await writeJsonAtomic(layout.heartbeatPath, next);
  });
}

/** Reads `<runDir>/control/heartbeat.json`; undefined when missing. */
export async function readHeartbeat(runDir: string): Promise<Heartbeat | undefined> {
  const file = join(runDir, 'control', 'heartbeat.json');
  const data = await readJsonObject(file);
  return data === undefined ? undefined : checkRunFile(HeartbeatSchema, data, file);
}
