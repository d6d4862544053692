import { claudePlanner, prepareClaudeHome, startClaudeServer } from '@planwright/scripted-models';
import { agentCliPath } from '@planwright/test-utils';
import { describe, expect, it } from 'vitest';
import { expectVerifiedPlan, PLANNER, PLANNING_SESSION, plannerWorkspace, runClient } from './mcp-planner-kit.js';

describe('the real Claude Code as planner, planwright as its MCP server', () => {
  it('turns a goal into verified tasks by tool calls alone: init --mcp claude, then --mcp-config .mcp.json', async () => {
    const claude = agentCliPath('claude'); // fails saying how to install it when missing
    const { repo, home, env } = await plannerWorkspace('claude');
    const server = await startClaudeServer({ script: claudePlanner(PLANNER) });
    try {
      const { env: claudeEnv } = await prepareClaudeHome({ server, dir: home, maxRetries: 0 });
      // The flags init --mcp claude names for -p mode: the project's .mcp.json, and its tools allowed.
      const args = ['-p', '--output-format', 'stream-json', '--verbose', '--mcp-config', '.mcp.json', '--allowedTools', 'mcp__planwright'];
      const input = `You are the planner (.plans/PLANNER.md). Goal: ${PLANNER.goal}. PR: ${PLANNER.pr}.`;
      const run = await runClient(claude, args, { cwd: repo, env: { ...env, ...claudeEnv }, input });
      expect(run.exitCode, `${run.stderr}\n${run.stdout.slice(-3000)}`).toBe(0);
      expect(server.errors).toEqual([]);
      const init = run.events.find((event) => event.type === 'system' && event.subtype === 'init');
      expect(init.mcp_servers).toContainEqual({ name: 'planwright', status: expect.stringMatching(/^(connected|pending)$/) });
      const blocks = run.events.filter((event) => event.type === 'assistant' || event.type === 'user').flatMap((event) => event.message.content);
      const results = new Map(blocks.filter((block: { type: string }) => block.type === 'tool_result').map((block: { tool_use_id: string; is_error?: boolean }) => [block.tool_use_id, block]));
      // Calls made before the server had started never reached it ("No such tool available"): the planner made them again.
      const reached = blocks.filter((block: { type: string; id: string }) => block.type === 'tool_use' && !/no such tool/i.test(JSON.stringify(results.get(block.id) ?? {})));
      // Every tool use is planwright's: no Bash, no Write of the planner's own.
      expect(reached.map((use: { name: string }) => use.name.replace('mcp__planwright__', '')).join(' ')).toMatch(PLANNING_SESSION);
      expect(reached.slice(1).filter((use: { id: string }) => results.get(use.id)?.is_error)).toEqual([]);
      expect(run.events.at(-1)).toMatchObject({ type: 'result', is_error: false, result: expect.stringMatching(/^Verified: task_001, task_002\./) });
      await expectVerifiedPlan(repo);
    } finally {
      await server.close();
    }
  }, 300_000);
});
