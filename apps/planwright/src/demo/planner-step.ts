import { appendFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { loadPlan } from '@planwright/plan-schema';
import { codexPlanner, prepareCodexHome, startCodexServer } from '@planwright/scripted-models';
import { execa } from 'execa';
import { changeTasks } from './change-tasks.js';
import { endDemoRuns } from './end-runs.js';
import { type DemoContext, seconds, type StepOutcome } from './context.js';

/** One planwright tool call of the planner, as codex's event stream reports it. */
export interface PlannerToolCall {
  tool: string;
  ok: boolean;
  /** The refusal's text for a failed call. */
  error?: string;
}

/**
 * 4. The planner: the real Codex, with planwright as its MCP server (.codex/config.toml from the mcp step),
 * against a scripted planning model, turns the change into verified tasks by tool calls alone: status,
 * add_tasks, start_run (the task agents are the real Codex too, two at a time), wait_run until the run
 * ends, mark_verified, and again while verdicts make dependents runnable. No shell command of its own.
 */
export async function plannerStep(context: DemoContext): Promise<StepOutcome> {
  const started = Date.now();
  const tasks = await changeTasks(context);
  const server = await startCodexServer({
    script: codexPlanner({ pr: context.pr, goal: context.goal, tasks, run: { concurrency: 2, timeout_minutes: context.timeoutMinutes }, note: 'verified by the demo planner' }),
  });
  try {
    const home = await prepareCodexHome({ server, dir: join(context.dir, 'models', 'planner-home') });
    // codex reads a project's .codex/config.toml only once the project is trusted: the answer a person gives once.
    await appendFile(join(home.codexHome, 'config.toml'), `\n[projects.${JSON.stringify(context.repo)}]\ntrust_level = "trusted"\n`);
    const run = await runPlanner(context, { ...context.env, ...home.env });
    const plan = await loadPlan(join(context.repo, '.plans', context.pr, 'plan.json')).catch(() => undefined);
    const done = plan?.tasks.filter((task) => task.status === 'done' && task.verified_by === 'manual').length ?? 0;
    const tools = run.calls.map((call) => call.tool);
    const count = (tool: string) => tools.filter((name) => name === tool).length;
    return {
      ok: run.exitCode === 0 && run.commands === 0 && plan !== undefined && done === plan.tasks.length,
      summary:
        `codex as planner: ${run.calls.length} planwright tool calls (add_tasks ${count('add_tasks')}, start_run ${count('start_run')}, wait_run ${count('wait_run')}, mark_verified ${count('mark_verified')}), ` +
        `${run.commands} shell commands; ${done}/${plan?.tasks.length ?? tasks.length} tasks verified by the planner in ${seconds(Date.now() - started)}` +
        (run.exitCode === 0 ? '' : `; codex exited ${run.exitCode}: ${run.stderr}`),
      files: { plan: join(context.repo, '.plans', context.pr, 'plan.json'), codexConfig: join(context.repo, '.codex', 'config.toml') },
      details: { exitCode: run.exitCode, calls: run.calls, commands: run.commands, message: run.message, stderr: run.stderr },
    };
  } finally {
    await server.close();
  }
}

/** Runs the planner's codex in its own process group, reporting each tool call as it completes. */
async function runPlanner(context: DemoContext, env: NodeJS.ProcessEnv) {
  const prompt = `You are the planner of this repository (.plans/PLANNER.md). Goal: ${context.goal}. PR: ${context.pr}. The change: openspec/changes/${context.change}/.`;
  const args = ['exec', '--json', '--skip-git-repo-check', '--dangerously-bypass-approvals-and-sandbox', '-C', context.repo, '-'];
  const subprocess = execa(env.CODEX_BIN ?? 'codex', args, { cwd: context.repo, env, extendEnv: false, input: prompt, detached: true, reject: false, timeout: context.timeoutMinutes * 4 * 60_000 });
  // The whole group: codex, the MCP server it started, and anything that server left running.
  const endGroup = () => {
    try {
      if (subprocess.pid !== undefined) process.kill(-subprocess.pid, 'SIGKILL');
    } catch {
      // Gone already.
    }
  };
  context.signal?.addEventListener('abort', endGroup, { once: true });
  const calls: PlannerToolCall[] = [];
  let commands = 0;
  let message = '';
  try {
    for await (const line of createInterface({ input: subprocess.stdout! })) {
      const event = parseEvent(line);
      if (event?.type !== 'item.completed') continue;
      const item = event.item ?? {};
      if (item.type === 'command_execution') commands++;
      if (item.type === 'agent_message') message = String(item.text ?? '');
      if (item.type !== 'mcp_tool_call' || item.server !== 'planwright') continue;
      const ok = item.status === 'completed';
      const call: PlannerToolCall = { tool: String(item.tool), ok, ...(!ok && { error: errorText(item) }) };
      calls.push(call);
      context.onProgress?.({ type: 'tool-call', ...call });
    }
    const result = await subprocess;
    return { exitCode: result.exitCode, calls, commands, message, stderr: String(result.stderr).trim().split('\n').slice(-3).join(' | ') };
  } finally {
    context.signal?.removeEventListener('abort', endGroup);
    endGroup();
    await endDemoRuns(context);
  }
}

function parseEvent(line: string): { type?: string; item?: Record<string, unknown> } | undefined {
  try {
    return line.startsWith('{') ? JSON.parse(line) : undefined;
  } catch {
    return undefined;
  }
}

function errorText(item: Record<string, unknown>): string {
  const content = (item.result as { content?: Array<{ text?: string }> } | null)?.content;
  const text = content?.map((part) => part.text ?? '').join(' ') || String((item.error as { message?: string } | null)?.message ?? 'failed');
  return text.replace(/^planwright: /, '').split('\n')[0]!;
}
