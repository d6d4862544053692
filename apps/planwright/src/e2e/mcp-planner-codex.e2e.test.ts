import { appendFile } from 'node:fs/promises';
import { join } from 'node:path';
import { codexPlanner, prepareCodexHome, startCodexServer } from '@planwright/scripted-models';
import { agentCliPath } from '@planwright/test-utils';
import { describe, expect, it } from 'vitest';
import { expectVerifiedPlan, PLANNER, PLANNING_SESSION, plannerWorkspace, runClient } from './mcp-planner-kit.js';

describe('the real Codex CLI as planner, planwright as its MCP server', () => {
  it('turns a goal into verified tasks by tool calls alone: init --mcp codex, then status, add_tasks, start_run, wait_run, mark_verified', async () => {
    const codex = agentCliPath('codex'); // fails saying how to install it when missing
    const { repo, home, env } = await plannerWorkspace('codex');
    const server = await startCodexServer({ script: codexPlanner(PLANNER) });
    try {
      const { env: codexEnv, codexHome } = await prepareCodexHome({ server, dir: join(home, 'codex-planner') });
      // codex reads the project's .codex/config.toml only in a trusted project: the answer a person gives once.
      await appendFile(join(codexHome, 'config.toml'), `\n[projects.${JSON.stringify(repo)}]\ntrust_level = "trusted"\n`);
      const run = await runClient(codex, ['exec', '--json', '--skip-git-repo-check', '--dangerously-bypass-approvals-and-sandbox', '-C', repo, '-'], {
        cwd: repo,
        env: { ...env, ...codexEnv },
        input: `You are the planner (.plans/PLANNER.md). Goal: ${PLANNER.goal}. PR: ${PLANNER.pr}.`,
      });
      expect(run.exitCode, run.stderr).toBe(0);
      expect(server.errors).toEqual([]);
      const items = run.events.filter((event) => event.type === 'item.completed').map((event) => event.item);
      const calls = items.filter((item) => item.type === 'mcp_tool_call');
      expect(calls.every((call) => call.server === 'planwright')).toBe(true);
      expect(calls.map((call) => call.tool).join(' ')).toMatch(PLANNING_SESSION);
      expect(calls.slice(1).filter((call) => call.status !== 'completed')).toEqual([]);
      // No shell command of the planner's own: every step went through planwright's tools.
      expect(items.filter((item) => item.type === 'command_execution')).toEqual([]);
      expect(items.at(-1)).toMatchObject({ type: 'agent_message', text: expect.stringMatching(/^Verified: task_001, task_002\. Counts: .*"done":2/) });
      await expectVerifiedPlan(repo);
    } finally {
      await server.close();
    }
  }, 300_000);
});
