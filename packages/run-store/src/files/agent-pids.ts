import { join } from 'node:path';
import { AgentPidsSchema, timestamp, type AgentPids } from '@planwright/plan-schema';
import type { RunLayout } from '../layout/run-layout.js';
import { isJsonObject, readJsonObject, serialized, writeJsonAtomic, type JsonObject } from './json-file.js';
import { checkRunFile } from './schema-check.js';

/** One agent process a run started, as recorded in control/agent_pids.json. */
export interface AgentProcess {
  pid: number;
  /** Its process group; agents lead their own group, so the kit's files read as pgid = pid. */
  pgid: number;
  /** When it started (RFC 3339), to tell it from a later process that got the same pid. */
  started_at: string | null;
  /** codex, gemini, claude or a custom agent's name. */
  agent: string | null;
  /** The invocation that started it, when known. */
  run_id?: string;
}

export interface AgentProcessInput {
  pid: number;
  pgid?: number | null;
  started_at?: string | null;
  agent?: string | null;
}

/**
 * Records the agent of a task in control/agent_pids.json (atomically, queued with other updates), so
 * that doctor and a later start can find and end its process group. Other tasks' entries are kept.
 *
 * @example
 * await recordAgentProcess(layout, runId, 'task_001', { pid: child.pid, pgid: child.pid, started_at: timestamp(), agent: 'codex' });
 */
export function recordAgentProcess(layout: RunLayout, runId: string, taskId: string, agent: AgentProcessInput): Promise<void> {
  return serialized(layout.agentPidsPath, async () => {
    const current = await readJsonObject(layout.agentPidsPath).catch(() => undefined);
    const agents = current ? normalizeAgents(current) : {};
    agents[taskId] = {
      pid: agent.pid,
      pgid: agent.pgid ?? agent.pid,
      started_at: agent.started_at ?? null,
      agent: agent.agent ?? null,
      run_id: runId,
    };
    const file: AgentPids = { ...(current && isCurrentFormat(current) ? current : {}), run_id: runId, updated_at: timestamp(), agents: agents as AgentPids['agents'] };
    await writeJsonAtomic(layout.agentPidsPath, file);
  });
}

/**
 * The agents of a run by task id, from `<runDir>/control/agent_pids.json`: planwright's
 * `{ run_id, updated_at, agents: {...} }` or the Python kit's `{ "<task id>": <pid> }`. Missing file: none.
 */
export async function readAgentProcesses(runDir: string): Promise<Record<string, AgentProcess>> {
  const file = join(runDir, 'control', 'agent_pids.json');
  const data = await readJsonObject(file);
  if (data === undefined) return {};
  if (isCurrentFormat(data)) checkRunFile(AgentPidsSchema, data, file);
  return normalizeAgents(data);
}

function isCurrentFormat(data: JsonObject): boolean {
  return isJsonObject(data.agents);
}

function normalizeAgents(data: JsonObject): Record<string, AgentProcess> {
  const out: Record<string, AgentProcess> = {};
  if (isCurrentFormat(data)) {
    for (const [taskId, raw] of Object.entries(data.agents as JsonObject)) {
      if (!isJsonObject(raw) || !Number.isInteger(raw.pid)) continue;
      const pid = raw.pid as number;
      out[taskId] = {
        ...raw,
        pid,
        pgid: Number.isInteger(raw.pgid) ? (raw.pgid as number) : pid,
        started_at: typeof raw.started_at === 'string' ? raw.started_at : null,
        agent: typeof raw.agent === 'string' ? raw.agent : null,
        ...(typeof raw.run_id === 'string' ? { run_id: raw.run_id } : {}),
      };
    }
    return out;
  }
  // The kit wrote `{task_id: pid}` for agents it started with start_new_session: each leads its group.
  for (const [taskId, pid] of Object.entries(data)) {
    if (Number.isInteger(pid)) out[taskId] = { pid: pid as number, pgid: pid as number, started_at: null, agent: 'codex' };
  }
  return out;
}
