import { join } from 'node:path';
import { MetaSchema, timestamp, type Meta, type TaskRunState } from '@planwright/plan-schema';
import { RunStoreError } from '../errors.js';
import type { RunLayout } from '../layout/run-layout.js';
import { readJsonObject, serialized, writeJsonAtomic, type JsonObject } from './json-file.js';
import { checkRunFile } from './schema-check.js';

/**
 * Writes meta.json atomically, replacing what is there. Queued behind any update of the same file.
 *
 * @example
 * await writeMeta(layout, { run_dir: layout.runDir, invocation_run_id: runId, created_at: now, updated_at: now, status: 'running' });
 */
export async function writeMeta(layout: RunLayout, meta: Meta): Promise<void> {
  await serialized(layout.metaPath, () => writeJsonAtomic(layout.metaPath, meta));
}

/**
 * Reads `<runDir>/meta.json`: undefined when missing, a RunStoreError naming the file when it is not
 * JSON or not a meta file. The kit's files lack `updated_at` until their first update: it reads as
 * `created_at`. Unknown keys are kept.
 */
export async function readMeta(runDir: string): Promise<Meta | undefined> {
  const file = join(runDir, 'meta.json');
  const data = await readJsonObject(file);
  return data === undefined ? undefined : parseMeta(data, file);
}

/** Checks meta.json data (already parsed JSON); `file` names it in errors. */
export function parseMeta(data: JsonObject, file: string): Meta {
  const filled = data.updated_at === undefined && typeof data.created_at === 'string' ? { ...data, updated_at: data.created_at } : data;
  return checkRunFile(MetaSchema, filled, file);
}

/**
 * Read-modify-write of meta.json: `patch` is merged over the top level, or `patch(meta)` edits it in
 * place. Sets `updated_at`. Updates of one file in one process run one after another, so concurrent
 * tasks lose none; unknown keys are kept. The file must exist (writeMeta first).
 *
 * @example
 * await updateMeta(layout, { status: 'agent_running', agent_pid: child.pid });
 */
export function updateMeta(layout: RunLayout, patch: Partial<Meta> | ((meta: Meta) => void)): Promise<Meta> {
  return serialized(layout.metaPath, async () => {
    const data = await readJsonObject(layout.metaPath);
    if (data === undefined) {
      // A run writes meta.json first thing: when it is missing, the run folder was deleted under the run.
      throw new RunStoreError(`${layout.metaPath}: meta.json is gone`, {
        path: layout.metaPath,
        hint: 'was the run folder deleted or moved while the run was going? start the run again',
      });
    }
    const meta = parseMeta(data, layout.metaPath);
    if (typeof patch === 'function') patch(meta);
    else Object.assign(meta, patch);
    meta.updated_at = timestamp();
    const checked = checkRunFile(MetaSchema, meta, layout.metaPath);
    await writeJsonAtomic(layout.metaPath, checked);
    return checked;
  });
}

/**
 * Merges `patch` into `meta.tasks[taskId]` (created when missing), for runs with several tasks at once.
 *
 * @example
 * await updateTaskRunState(layout, 'task_002', { status: 'waiting_for_results', agent_pid: 4242 });
 */
export function updateTaskRunState(layout: RunLayout, taskId: string, patch: Partial<TaskRunState>): Promise<Meta> {
  return updateMeta(layout, (meta) => {
    const tasks = (meta.tasks ??= {});
    tasks[taskId] = { ...tasks[taskId], ...patch };
  });
}
