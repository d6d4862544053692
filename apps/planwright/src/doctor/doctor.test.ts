import { join } from 'node:path';
import { captureIo } from '@planwright/cli-kit';
import { tempPlanRepo, writeFiles } from '@planwright/test-utils';
import { describe, expect, it } from 'vitest';
import { main } from '../cli.js';

const SESSION = 'e80625ac-0f34-4934-843f-4800d410c7ed';

/** A gemini task that stopped: its run's meta.json, agent_pids.json (a pid above pid_max) and stream-json log. */
async function stoppedGeminiRun() {
  const { repo, planDir } = await tempPlanRepo({ plan: { tasks: [{ id: 'task_001', status: 'in_progress' }] } });
  const runDir = join(planDir, 'runs', '20261124-101500-4242');
  const meta = { run_dir: runDir, invocation_run_id: '20261124-101500-4242-ab12', status: 'agent_running', current_task_id: 'task_001', args: { plan_dir: planDir, code_dir: repo, agent: 'gemini' } };
  const pids = { run_id: meta.invocation_run_id, updated_at: 'x', agents: { task_001: { pid: 4194305, pgid: 4194305, started_at: null, agent: 'gemini' } } };
  const log = `YOLO mode is enabled.\n${JSON.stringify({ type: 'init', session_id: SESSION, model: 'gemini-2.5-pro' })}\n`;
  await writeFiles(runDir, { 'meta.json': JSON.stringify(meta), 'control/agent_pids.json': JSON.stringify(pids), 'agent_task_001.log': log });
  return { repo, runDir };
}

async function run(argv: string[]) {
  const io = captureIo();
  const code = await main(argv, io);
  return { code, stdout: io.stdout };
}

describe('planwright doctor', () => {
  it("knows the agents through agent-runner's registry: a gemini task's session from its log, and its resume command", async () => {
    const { repo, runDir } = await stoppedGeminiRun();
    const { code, stdout } = await run(['doctor', '--repo', repo, '--pr', 'pr-1', '--print-rerun']);
    expect(code).toBe(0);
    expect(stdout).toContain(`thread_id: ${SESSION} (from the agent log)`);
    expect(stdout).toContain(`resume_command (the prompt below is in it):\ncd ${repo} && gemini --resume ${SESSION} --include-directories ${runDir} --output-format stream-json`);
    expect(stdout).toMatch(/\nresume_prompt:\nYou stopped before finishing task_001\./);
  });

});
