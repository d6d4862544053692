import { timestamp } from '@planwright/plan-schema';
import type { AgentProcess } from '../files/agent-pids.js';
import { isProcessAlive, isSameProcess, processGroupOf } from '../process/alive.js';
import { processGroupMembers, terminateProcess, terminateProcessGroup } from '../process/terminate.js';

/** What `doctor --kill` did. */
export interface KillReport {
  /** `group`: the agent's process group was signalled; `process`: the agent alone; `none`: nothing. */
  action: 'group' | 'process' | 'none';
  /** The pgid or pid signalled. */
  target: number | null;
  term: boolean;
  killed: boolean;
  /** Nothing of what was targeted is left (true when nothing was running). */
  gone: boolean;
  /** False when the kill could not be done: no pid recorded, the pid belongs to another process, or it survived. */
  ok: boolean;
  at: string;
  message: string;
}

/**
 * Ends an agent and nothing else: its process group when it leads that group (agents are started
 * detached), else the agent process alone. A pid that now belongs to another process is left alone.
 */
export async function killAgent(agent: AgentProcess | undefined, graceMs: number): Promise<KillReport> {
  const at = timestamp();
  const none = (message: string, ok: boolean): KillReport => ({ action: 'none', target: null, term: false, killed: false, gone: ok, ok, at, message });
  if (!agent) return none('no agent pid recorded for this task; nothing to end', false);
  let byGroup: boolean;
  let what: string;
  if (!isProcessAlive(agent.pid)) {
    // An agent ended by TERM may leave its children running (codex does): they are still in its group,
    // and the kernel does not hand out a group id while a process of that group lives.
    const leftovers = await processGroupMembers(agent.pgid);
    if (leftovers.length === 0) return none(`agent pid ${agent.pid} is not running; nothing to end`, true);
    byGroup = true;
    what = `process group ${agent.pgid} (the agent had exited; ${leftovers.length} of its processes were left)`;
  } else if (!(await isSameProcess(agent.pid, agent.started_at))) {
    return none(`pid ${agent.pid} now belongs to another process (the agent started ${agent.started_at}); not touched`, false);
  } else {
    byGroup = (await processGroupOf(agent.pid)) === agent.pgid;
    what = byGroup ? `process group ${agent.pgid}` : `pid ${agent.pid} (it does not lead its own process group)`;
  }
  const result = byGroup ? await terminateProcessGroup(agent.pgid, { graceMs }) : await terminateProcess(agent.pid, { graceMs });
  const how = !result.term
    ? 'it had already ended'
    : result.killed
      ? `KILL after ${graceMs / 1000}s grace; ${result.gone ? 'all ended' : 'something is still running'}`
      : 'all ended after TERM';
  return {
    action: byGroup ? 'group' : 'process',
    target: byGroup ? agent.pgid : agent.pid,
    term: result.term,
    killed: result.killed,
    gone: result.gone,
    ok: result.gone,
    at,
    message: `TERM to ${what} at ${at}; ${how}`,
  };
}
