import { join, resolve } from 'node:path';
import { readAgentProcesses, type AgentProcess } from '../files/agent-pids.js';
import { isJsonObject, readJsonObject, type JsonObject } from '../files/json-file.js';
import type { RunLayout } from '../layout/run-layout.js';

/** meta.json as found, for tools that must work on damaged runs too: the raw object, or the problem. */
export interface LooseMeta {
  meta: JsonObject | undefined;
  problem: string | undefined;
}

/** Reads meta.json without failing: a damaged file is reported in `problem`. */
export async function readMetaLoosely(runDir: string): Promise<LooseMeta> {
  try {
    return { meta: await readJsonObject(join(runDir, 'meta.json')), problem: undefined };
  } catch (error) {
    return { meta: undefined, problem: (error as Error).message };
  }
}

/** Reads agent_pids.json without failing. */
export async function readAgentsLoosely(runDir: string): Promise<{ agents: Record<string, AgentProcess>; problem: string | undefined }> {
  try {
    return { agents: await readAgentProcesses(runDir), problem: undefined };
  } catch (error) {
    return { agents: {}, problem: (error as Error).message };
  }
}

/** A string field, or undefined. */
export function text(object: JsonObject | undefined, key: string): string | undefined {
  const value = object?.[key];
  return typeof value === 'string' && value !== '' ? value : undefined;
}

function int(object: JsonObject | undefined, key: string): number | undefined {
  const value = object?.[key];
  return Number.isInteger(value) ? (value as number) : undefined;
}

/** `meta.tasks[id]`, or the top-level fields when `id` is the run's current task. */
function taskFields(meta: JsonObject | undefined, taskId: string): JsonObject[] {
  const fields: JsonObject[] = [];
  const state = isJsonObject(meta?.tasks) ? (meta.tasks as JsonObject)[taskId] : undefined;
  if (isJsonObject(state)) fields.push(state);
  if (meta && text(meta, 'current_task_id') === taskId) fields.push(meta);
  return fields;
}

/** The ids of the tasks a run's meta.json speaks of: its `tasks` map, else its current task. */
export function metaTaskIds(meta: JsonObject | undefined): string[] {
  if (isJsonObject(meta?.tasks)) return Object.keys(meta.tasks as JsonObject).sort();
  const current = text(meta, 'current_task_id');
  return current ? [current] : [];
}

/** The agent log of a task: as meta.json records it (relative to the run), else agent_<id>.log. */
export function taskLogPath(meta: JsonObject | undefined, layout: RunLayout, taskId: string): string {
  const recorded = taskFields(meta, taskId).map((fields) => text(fields, 'agent_log_path')).find(Boolean);
  return recorded ? resolve(layout.runDir, recorded) : layout.agentLogPath(taskId);
}

/** The thread (session) id meta.json records for a task. */
export function taskThreadId(meta: JsonObject | undefined, taskId: string): string | undefined {
  return taskFields(meta, taskId).map((fields) => text(fields, 'thread_id')).find(Boolean);
}

/** The agent process of a task: agent_pids.json first, then meta.json's agent_pid. */
export function taskAgent(meta: JsonObject | undefined, agents: Record<string, AgentProcess>, taskId: string): AgentProcess | undefined {
  if (agents[taskId]) return agents[taskId];
  const pid = taskFields(meta, taskId).map((fields) => int(fields, 'agent_pid')).find((value) => value !== undefined);
  return pid === undefined ? undefined : { pid, pgid: pid, started_at: null, agent: null };
}
