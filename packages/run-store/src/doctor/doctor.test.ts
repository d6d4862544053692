import { join } from 'node:path';
import { timestamp } from '@planwright/plan-schema';
import { tempPlanRepo } from '@planwright/test-utils';
import { describe, expect, it } from 'vitest';
import { deadPid, groupProcesses, spawnGroup, waitFor, writeRun } from '../../test/helpers.js';
import { isProcessAlive } from '../process/alive.js';
import { processGroupMembers } from '../process/terminate.js';
import type { DoctorAgents } from './doctor-agents.js';
import { doctor } from './doctor.js';

const RUN_NAME = '20261124-101500-4242';
const RUN_ID = `${RUN_NAME}-ab12`;
const THREAD = '0199a213-81c0-7800-8aa1-bbab2a035a53';

/**
 * What the caller knows about agents (the umbrella passes agent-runner's registry): here a stand-in that
 * reads codex's thread.started line and resumes codex only, so doctor's use of it shows.
 */
const agents: DoctorAgents = {
  sessionIdOfLine: (agent, line) => (agent === 'codex' && line.includes('thread.started') ? (JSON.parse(line) as { thread_id: string }).thread_id : undefined),
  resumeCommand: (agent, input) => (agent === 'codex' ? { argv: ['codex', 'exec', '-C', input.codeDir, 'resume', input.sessionId, '-'], promptOnStdin: true } : undefined),
};

/** A fake agent: a shell with two sleeps, one of them deaf to TERM, in its own process group. */
async function fakeAgent() {
  const agent = spawnGroup('sleep 300 & (trap "" TERM; exec sleep 300) & wait');
  await waitFor(async () => (await processGroupMembers(agent.pid)).length === 3);
  return agent;
}

async function stuckRun(options: { agentPid?: number; pids?: unknown; meta?: Record<string, unknown> } = {}) {
  const { repo, planDir } = await tempPlanRepo({ plan: { tasks: [{ id: 'task_001', status: 'in_progress' }] } });
  const runsRoot = join(planDir, 'runs');
  const runDir = join(runsRoot, RUN_NAME);
  const log = [
    'Reading additional input from stdin...',
    JSON.stringify({ type: 'thread.started', thread_id: THREAD }),
    JSON.stringify({ type: 'turn.started' }),
    ...Array.from({ length: 30 }, (_, i) => JSON.stringify({ type: 'item.completed', item: { type: 'reasoning', text: `step ${i}` } })),
  ].join('\n');
  await writeRun(runsRoot, '20261124-090000-4242', { meta: { status: 'completed' } });
  await writeRun(runsRoot, RUN_NAME, {
    meta: {
      run_dir: runDir,
      invocation_run_id: RUN_ID,
      created_at: '2026-11-24T10:15:00Z',
      updated_at: '2026-11-24T10:16:00Z',
      status: 'waiting_for_results',
      current_task_id: 'task_001',
      agent_log_path: join(runDir, 'agent_task_001.log'),
      args: { plan_dir: planDir, code_dir: repo, run_root: null, sandbox: 'workspace-write', approval: 'never', compact_run: true, handshake: 'results-json', timeout_minutes: 30 },
      ...options.meta,
    },
    pids:
      options.pids ??
      (options.agentPid
        ? { run_id: RUN_ID, updated_at: 'x', agents: { task_001: { pid: options.agentPid, pgid: options.agentPid, started_at: timestamp(), agent: 'codex' } } }
        : undefined),
    logs: { task_001: `${log}\n` },
  });
  return { repo, planDir, runsRoot, runDir };
}

describe('doctor', () => {
  it('reports the newest run: status, agent pid and ps line, results, log tail, thread id', async () => {
    const agent = await fakeAgent();
    const { repo, runDir } = await stuckRun({ agentPid: agent.pid });
    const report = await doctor({ repo, pr: 'pr-1', agents });
    expect(report).toMatchObject({
      run_dir: runDir,
      task_id: 'task_001',
      meta: { status: 'waiting_for_results', updated_at: '2026-11-24T10:16:00Z', run_id: RUN_ID },
      problems: [],
      agent: { pid: agent.pid, pgid: agent.pid, alive: true, same_process: true },
      results: { path: join(runDir, 'results/task_001.json'), state: 'missing' },
      log: { path: join(runDir, 'agent_task_001.log') },
      thread_id: THREAD,
      thread_id_source: 'log',
      kill: null,
      rerun: null,
    });
    expect(report.agent!.ps).toMatch(new RegExp(`^${agent.pid} ${agent.pid} \\S+ \\S+ sh -c `));
    const tail = report.log!.tail.split('\n');
    expect(tail).toHaveLength(20);
    expect(tail.at(-1)).toContain('step 29');
    expect(isProcessAlive(agent.pid)).toBe(true);
  });

  it('--kill ends the agent’s whole process group and nothing else', async () => {
    const bystander = spawnGroup('exec sleep 300');
    const agent = await fakeAgent();
    const { repo } = await stuckRun({ agentPid: agent.pid });
    const report = await doctor({ repo, pr: 'pr-1', kill: true, graceSeconds: 0.3 });
    expect(report.kill).toMatchObject({ action: 'group', target: agent.pid, term: true, killed: true, gone: true, ok: true });
    expect(report.kill!.message).toMatch(new RegExp(`^TERM to process group ${agent.pid} at .*; KILL after 0.3s grace; all ended$`));
    expect(groupProcesses(agent.pid).filter((p) => p.state !== 'Z')).toEqual([]);
    expect(report.agent).toMatchObject({ alive: false, ps: null });
    expect(isProcessAlive(bystander.pid)).toBe(true);
    expect(isProcessAlive(process.pid)).toBe(true);
  });

  it('--kill ends what an agent left in its group after it exited', async () => {
    // The shell exits at once; its two sleeps stay in its process group, as codex's children do after a TERM.
    const agent = spawnGroup('sleep 300 & (trap "" TERM; exec sleep 300) & exit 0');
    await waitFor(async () => !isProcessAlive(agent.pid) && (await processGroupMembers(agent.pid)).length === 2);
    const { repo } = await stuckRun({ agentPid: agent.pid });
    const before = await doctor({ repo, pr: 'pr-1' });
    expect(before.agent).toMatchObject({ alive: false });
    expect(before.agent!.group_members).toHaveLength(2);
    const report = await doctor({ repo, pr: 'pr-1', kill: true, graceSeconds: 0.2 });
    expect(report.kill).toMatchObject({ action: 'group', target: agent.pid, killed: true, ok: true });
    expect(report.kill!.message).toContain('the agent had exited; 2 of its processes were left');
    expect(groupProcesses(agent.pid).filter((p) => p.state !== 'Z')).toEqual([]);
  });

  it("--kill works with the kit's {task_id: pid} file", async () => {
    const agent = await fakeAgent();
    const { repo, runDir } = await stuckRun({ pids: { task_001: agent.pid } });
    const report = await doctor({ repo, pr: 'pr-1', runDir, kill: true, graceSeconds: 0.2 });
    expect(report.kill).toMatchObject({ action: 'group', ok: true });
    expect(groupProcesses(agent.pid).filter((p) => p.state !== 'Z')).toEqual([]);
  });

  it('--kill says so when there is nothing to end, and never touches a recycled pid', async () => {
    const { repo } = await stuckRun();
    expect((await doctor({ repo, pr: 'pr-1', kill: true })).kill).toMatchObject({ action: 'none', ok: false, message: 'no agent pid recorded for this task; nothing to end' });
    const gone = await deadPid();
    const dead = await stuckRun({ pids: { task_001: gone } });
    expect((await doctor({ repo: dead.repo, pr: 'pr-1', kill: true })).kill).toMatchObject({ action: 'none', ok: true, message: `agent pid ${gone} is not running; nothing to end` });
    const other = spawnGroup('exec sleep 300');
    const recycled = await stuckRun({ pids: { run_id: 'r', updated_at: 'x', agents: { task_001: { pid: other.pid, started_at: '2020-01-01T00:00:00Z' } } } });
    const report = await doctor({ repo: recycled.repo, pr: 'pr-1', kill: true, graceSeconds: 0 });
    expect(report.kill).toMatchObject({ action: 'none', ok: false });
    expect(report.kill!.message).toMatch(/now belongs to another process/);
    expect(isProcessAlive(other.pid)).toBe(true);
  });

  it('--print-rerun prints the orchestrator command from meta.json args, and the resume command and prompt', async () => {
    const { repo, runDir } = await stuckRun({ agentPid: await deadPid() });
    const report = await doctor({ repo, pr: 'pr-1', runDir, printRerun: true, agents });
    const resume = report.rerun!.resume!;
    const normalize = (text: string) => text.replaceAll(repo, '<repo>').replaceAll(resume.run_id, '<new run id>');
    expect(resume.run_id).toMatch(/^\d{8}-\d{6}-\d+-[0-9a-f]{4}$/);
    expect(normalize([report.rerun!.command, resume.command, resume.prompt].join('\n\n'))).toMatchInlineSnapshot(`
      "codex-orchestrate --plan-dir <repo>/.plans/pr-1 --code-dir <repo> --handshake results-json --compact-run --sandbox workspace-write --approval never --timeout-minutes 30 --no-reuse-run --max-tasks 1 --task-id task_001

      codex exec -C <repo> resume 0199a213-81c0-7800-8aa1-bbab2a035a53 -

      You stopped before finishing task_001. Your brief is <repo>/.plans/pr-1/runs/20261124-101500-4242/tasks/task_001.md.
      Finish the task and run its verification commands.
      When finished, write the results JSON to: <repo>/.plans/pr-1/runs/20261124-101500-4242/results/task_001.json (overwrite it if it exists; plain JSON, no code fence):
      {"task_id":"task_001","run_id":"<new run id>","status":"completed","summary":"","files_changed":[],"notes":""}
      Keep task_id and run_id as they are; use status partial, failed or blocked when you could not finish, and say why in notes."
    `);
    expect(resume).toMatchObject({ argv: ['codex', 'exec', '-C', repo, 'resume', THREAD, '-'], prompt_on_stdin: true });
  });

  it('knows no agent itself: without the caller\'s agents, no thread id from the log and no resume command', async () => {
    const { repo, runDir } = await stuckRun({ agentPid: await deadPid() });
    const report = await doctor({ repo, pr: 'pr-1', runDir, printRerun: true });
    expect(report).toMatchObject({ thread_id: null, thread_id_source: null, rerun: { resume: null } });
    expect(report.rerun!.argv[0]).toBe('codex-orchestrate');
  });

  it('offers no resume for an agent the caller cannot resume, though it found the session', async () => {
    const { repo, runDir } = await stuckRun({ agentPid: await deadPid() });
    const report = await doctor({ repo, pr: 'pr-1', runDir, printRerun: true, agents: { ...agents, resumeCommand: () => undefined } });
    expect(report).toMatchObject({ thread_id: THREAD, thread_id_source: 'log', rerun: { resume: null } });
  });

  it('takes the thread id from meta.json first, and builds the rerun without args from --pr', async () => {
    const { repo } = await stuckRun({ meta: { args: undefined, thread_id: 'thread-from-meta' } });
    const report = await doctor({ repo, pr: 'pr-1', printRerun: true });
    expect(report).toMatchObject({ thread_id: 'thread-from-meta', thread_id_source: 'meta' });
    expect(report.rerun!.argv).toEqual([
      'codex-orchestrate', '--plan-dir', join(repo, '.plans/pr-1'), '--code-dir', repo, '--handshake', 'results-json', '--compact-run',
      '--no-reuse-run', '--max-tasks', '1', '--task-id', 'task_001',
    ]);
  });
});
