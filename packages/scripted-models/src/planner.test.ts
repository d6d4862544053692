import { describe, expect, it } from 'vitest';
import { claudePlanner } from './claude-planner.js';
import { codexPlanner, codexPlannerCalls } from './codex-planner.js';
import type { RecordedRequest } from './http-server.js';
import { nextPlannerStep, type PlannerCall, type PlannerOptions } from './planner-steps.js';

const options: PlannerOptions = { pr: 'pr-1', goal: 'Notes', tasks: [{ id: 't1', title: 'One' }, { id: 't2', title: 'Two' }], waitSeconds: 5 };
const request = (body: unknown): RecordedRequest => ({ method: 'POST', url: '/', headers: {}, body });

/** Plays the planner against answers given per tool, as a client relays them, until it ends. */
function session(answer: (call: { tool: string; args: Record<string, unknown> }, index: number) => unknown): { calls: PlannerCall[]; message: string } {
  const calls: PlannerCall[] = [];
  for (let index = 0; index < 50; index++) {
    const step = nextPlannerStep(calls, options);
    if ('message' in step) return { calls, message: step.message };
    calls.push({ ...step, result: answer(step, index) });
  }
  throw new Error('the planner never ended');
}

describe('the scripted planner', () => {
  it('status, add_tasks with the goal, start_run, wait_run until the run ends, mark_verified per finished task, status', () => {
    let waits = 0;
    const { calls, message } = session(({ tool }) => {
      if (tool === 'start_run') return { run_id: 'r1' };
      if (tool === 'wait_run') return ++waits < 3 ? { active: true, finished: [] } : { active: false, finished: ['t1', 't2'] };
      if (tool === 'status') return { counts: { done: 2 }, tasks: [{ id: 't1', status: 'agent_done' }, { id: 't2', status: 'agent_done' }] };
      return {};
    });
    expect(calls.map((call) => call.tool)).toEqual(['status', 'add_tasks', 'start_run', 'wait_run', 'wait_run', 'wait_run', 'status', 'mark_verified', 'mark_verified', 'status']);
    expect(calls[1]!.args).toEqual({ pr: 'pr-1', goal: 'Notes', tasks: options.tasks });
    expect(calls[2]!.args).toEqual({ pr: 'pr-1', max_tasks: 2 });
    expect(calls[3]!.args).toEqual({ pr: 'pr-1', run_id: 'r1', timeout_seconds: 5 });
    expect(calls[7]!.args).toEqual({ pr: 'pr-1', task: 't1', note: 'checked by the scripted planner' });
    expect(message).toBe('Verified: t1, t2. Counts: {"done":2}.');
  });

  it('starts another run while verified tasks have made others runnable', () => {
    let statusCalls = 0;
    const { calls, message } = session(({ tool }) => {
      if (tool === 'start_run') return { run_id: 'r' };
      if (tool === 'wait_run') return { active: false };
      if (tool !== 'status') return {};
      statusCalls++;
      // After round 1: t1 finished, t2 (after t1) runnable once t1 is verified; after round 2: t2 finished.
      if (statusCalls === 2) return { tasks: [{ id: 't1', status: 'agent_done' }, { id: 't2', status: 'pending' }], runnable: [] };
      if (statusCalls === 3) return { tasks: [], runnable: ['t2'] };
      if (statusCalls === 4) return { tasks: [{ id: 't1', status: 'done' }, { id: 't2', status: 'agent_done' }], runnable: [] };
      return { counts: { done: 2 }, runnable: [] };
    });
    expect(calls.map((call) => call.tool).join(' ')).toBe('status add_tasks start_run wait_run status mark_verified status start_run wait_run status mark_verified status');
    expect(calls.filter((call) => call.tool === 'mark_verified').map((call) => call.args.task)).toEqual(['t1', 't2']);
    expect(message).toBe('Verified: t1, t2. Counts: {"done":2}.');
  });

  it('makes a call again, after a second, when the client could not deliver it (the server was still starting)', async () => {
    const calls: PlannerCall[] = [{ tool: 'status', args: { pr: 'pr-1' }, result: 'unsupported call: mcp__planwrightstatus', isError: true }];
    expect(nextPlannerStep(calls, options)).toEqual({ tool: 'status', args: { pr: 'pr-1' }, retry: 1 });
    calls.push({ tool: 'status', args: { pr: 'pr-1' }, result: 'no plan', isError: true }, { tool: 'add_tasks', args: {}, result: 'Error: No such tool available: mcp__planwright__add_tasks', isError: true });
    expect(nextPlannerStep(calls, options)).toMatchObject({ tool: 'add_tasks', retry: 2 });
    const started = Date.now();
    const body = { messages: [{ role: 'assistant', content: [{ type: 'tool_use', id: 'u1', name: 'mcp__planwright__status', input: {} }] }, { role: 'user', content: [{ type: 'tool_result', tool_use_id: 'u1', content: 'No such tool available: mcp__planwright__status', is_error: true }] }] };
    expect(await claudePlanner(options)(request(body), 0)).toMatchObject({ content: [{ name: 'mcp__planwright__status' }] });
    expect(Date.now() - started).toBeGreaterThanOrEqual(900);
    const gaveUp = Array.from({ length: 21 }, () => calls[0]!);
    expect(nextPlannerStep(gaveUp, options)).toEqual({ message: 'gave up: the planwright tools were not there after 21 tries' });
  });

  it('a refused call ends the session with its error; a failed first status (no plan yet) does not', () => {
    const calls: PlannerCall[] = [{ tool: 'status', args: {}, result: 'no plan', isError: true }];
    expect(nextPlannerStep(calls, options)).toMatchObject({ tool: 'add_tasks' });
    calls.push({ tool: 'add_tasks', args: {}, result: 'tasks: id "t1" already exists', isError: true });
    expect(nextPlannerStep(calls, options)).toEqual({ message: 'planwright refused add_tasks: tasks: id "t1" already exists' });
  });

  it('codex: reads its own calls and their outputs (a CallToolResult) from the request; (prefixed with the wall time, no error flag); calls in the mcp__planwright namespace', async () => {
    const body = {
      input: [
        { type: 'message', role: 'user', content: [{ type: 'input_text', text: 'plan it' }] },
        { type: 'function_call', namespace: 'mcp__planwright', name: 'status', arguments: '{"pr":"pr-1"}', call_id: 'c1' },
        { type: 'function_call_output', call_id: 'c1', output: [{ type: 'input_text', text: 'Wall time: 0.01 seconds\nOutput:' }, { type: 'input_text', text: 'planwright: no plan' }] },
        { type: 'function_call', namespace: 'mcp__planwright', name: 'add_tasks', arguments: '{"pr":"pr-1"}', call_id: 'c2' },
        { type: 'function_call_output', call_id: 'c2', output: 'Wall time: 0.02 seconds\nOutput:\n{"added":["t1","t2"]}' },
      ],
    };
    expect(codexPlannerCalls(request(body))).toEqual([
      { tool: 'status', args: { pr: 'pr-1' }, result: 'planwright: no plan', isError: true },
      { tool: 'add_tasks', args: { pr: 'pr-1' }, result: { added: ['t1', 't2'] }, isError: false },
    ]);
    const reply = await codexPlanner(options)(request(body), 0);
    expect(reply).toMatchObject({ kind: 'response', items: [{ type: 'function_call', namespace: 'mcp__planwright', name: 'start_run', arguments: '{"pr":"pr-1","max_tasks":2}' }] });
  });

  it('claude: reads tool_use and tool_result blocks; calls mcp__planwright__<tool>', async () => {
    const body = {
      messages: [
        { role: 'user', content: 'plan it' },
        { role: 'assistant', content: [{ type: 'tool_use', id: 'u1', name: 'mcp__planwright__status', input: { pr: 'pr-1' } }] },
        { role: 'user', content: [{ type: 'tool_result', tool_use_id: 'u1', content: [{ type: 'text', text: '{"counts":{}}' }] }] },
        { role: 'assistant', content: [{ type: 'tool_use', id: 'u2', name: 'mcp__planwright__add_tasks', input: {} }] },
        { role: 'user', content: [{ type: 'tool_result', tool_use_id: 'u2', content: '{"added":["t1","t2"]}' }] },
      ],
    };
    const reply = await claudePlanner(options)(request(body), 0);
    expect(reply).toMatchObject({ kind: 'message', content: [{ type: 'tool_use', name: 'mcp__planwright__start_run', input: { pr: 'pr-1', max_tasks: 2 } }] });
  });
});
