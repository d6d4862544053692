import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { tempPlanRepo, writeFiles } from '@planwright/test-utils';

/** A run folder name and its invocation run id, as the orchestrator names them. */
export const RUN_NAME = '20261124-101500-4242';

/**
 * A stuck task's run as doctor finds it (test helper): meta.json with the orchestrator's args, the agent
 * recorded in agent_pids.json (a pid that is long gone), and the agent's log — a real CLI's log from the adapter's
 * fixtures, or the given text.
 */
export async function stuckRunOf(agent: string, log: { fixture: string } | { text: string }, args: Record<string, unknown> = {}) {
  const { repo, planDir } = await tempPlanRepo({ plan: { tasks: [{ id: 'task_001', status: 'in_progress' }] } });
  const runDir = join(planDir, 'runs', RUN_NAME);
  const text = 'text' in log ? log.text : await readFile(new URL(`../src/adapters/${agent}/fixtures/${log.fixture}`, import.meta.url), 'utf8');
  const meta = {
    run_dir: runDir,
    invocation_run_id: `${RUN_NAME}-ab12`,
    created_at: '2026-11-24T10:15:00Z',
    updated_at: '2026-11-24T10:16:00Z',
    status: 'waiting_for_results',
    current_task_id: 'task_001',
    args: { plan_dir: planDir, code_dir: repo, sandbox: 'workspace-write', approval: 'never', compact_run: true, handshake: 'results-json', agent, ...args },
  };
  // pid 2^22 + 1 is above Linux's pid_max: never a live process.
  const pids = { run_id: meta.invocation_run_id, updated_at: 'x', agents: { task_001: { pid: 4194305, pgid: 4194305, started_at: null, agent } } };
  await writeFiles(runDir, { 'meta.json': JSON.stringify(meta), 'control/agent_pids.json': JSON.stringify(pids), 'agent_task_001.log': text });
  return { repo, planDir, runDir };
}
