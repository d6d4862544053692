import { basename, resolve } from 'node:path';
import type { Task } from '@planwright/plan-schema';
import { parseRunId } from '../layout/run-id.js';
import { isProcessAlive, isSameProcess, processStartTime } from '../process/alive.js';
import { readAgentsLoosely, readMetaLoosely, taskAgent } from '../runs/run-files.js';

/** Whether anything still works on an in_progress task. */
export type AgentState =
  | { state: 'alive'; who: 'agent' | 'orchestrator'; pid: number }
  | { state: 'gone'; detail: string };

/**
 * Looks for a live process behind an in_progress task: its agent (agent_pids.json or meta.json of the
 * task's run_dir, the same process by start time), else the orchestrator that started it (the pid in
 * its run id, started before that run id was made). Either one alive means someone still owns the task.
 */
export async function taskAgentState(task: Task, cwd: string): Promise<AgentState> {
  const runDir = task.run_dir ? resolve(cwd, task.run_dir) : undefined;
  if (runDir) {
    const [{ meta }, { agents }] = await Promise.all([readMetaLoosely(runDir), readAgentsLoosely(runDir)]);
    const agent = taskAgent(meta, agents, task.id);
    if (agent && (await isSameProcess(agent.pid, agent.started_at))) return { state: 'alive', who: 'agent', pid: agent.pid };
  }
  const runId = task.last_run_id ?? (runDir ? basename(runDir) : undefined);
  const parsed = runId ? parseRunId(runId) : undefined;
  if (parsed && parsed.pid > 1 && (await isOrchestratorAlive(parsed.pid, parsed.at))) return { state: 'alive', who: 'orchestrator', pid: parsed.pid };
  return { state: 'gone', detail: runDir ? `no live agent or orchestrator for ${runDir}` : 'no run folder recorded' };
}

async function isOrchestratorAlive(pid: number, runIdAt: Date): Promise<boolean> {
  if (!isProcessAlive(pid)) return false;
  const started = await processStartTime(pid);
  // The orchestrator made its run id after it started (the stamp is cut to the second); a process that
  // started later only got the orchestrator's pid after it ended.
  return started === undefined || started.getTime() <= runIdAt.getTime() + 5_000;
}
