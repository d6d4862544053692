import { existsSync } from 'node:fs';
import { tempDir } from '@planwright/test-utils';
import { describe, expect, it } from 'vitest';
import { runDemo } from './demo.js';
import { demoCli, entries, processesMentioning, stubEnv } from './demo-test-kit.js';
import { PLANNER_DEMO_STEPS, type DemoProgress, type DemoStep } from './types.js';

// The real codex-cli 0.169 as the planner (against a scripted planning model) with the built planwright
// as its MCP server, and as every task's agent (against the demo's scripted models). About 40 s.
describe('planwright demo --planner', { timeout: 180_000 }, () => {
  it('a planner agent turns the change into verified tasks through the MCP tools alone; the sample checks pass', async () => {
    const tmpRoot = await tempDir('planwright-demo-root-');
    const steps: DemoStep[] = [];
    const progress: DemoProgress[] = [];
    const result = await runDemo({ tmpRoot, planner: true, onStep: (step) => steps.push(step), onProgress: (event) => progress.push(event) });

    expect(result.exitCode, JSON.stringify(result.steps, null, 2)).toBe(0);
    expect(result).toMatchObject({ ok: true, flow: 'planner', mode: 'scripted', commits: [] });
    expect(result.clis.map((cli) => cli.name)).toEqual(['codex']);
    expect(steps.map((step) => [step.step, step.ok])).toEqual(PLANNER_DEMO_STEPS.map((name) => [name, true]));
    expect(steps[1]!.summary).toBe('openspec/project.md, .plans/PLANNER.md; .codex/config.toml: [mcp_servers.planwright] starts planwright mcp (created)');
    const planner = steps.find((step) => step.step === 'planner')!;
    expect(planner.summary).toMatch(/^codex as planner: \d+ planwright tool calls \(add_tasks 1, start_run 2, wait_run \d+, mark_verified 4\), 0 shell commands; 4\/4 tasks verified by the planner in \d+\.\d s$/);
    // The first status finds no plan; every later call is answered.
    const calls = progress.filter((event) => event.type === 'tool-call');
    expect(calls[0]).toMatchObject({ tool: 'status', ok: false, error: expect.stringContaining('no such plan file') });
    expect(calls.slice(1).filter((call) => !call.ok)).toEqual([]);
    expect(calls.map((call) => call.tool).join(' ')).toMatch(/^status add_tasks start_run (wait_run )+status (mark_verified ){3}status start_run (wait_run )+status mark_verified status$/);
    expect(result.status).toMatchObject({ total: 4, counts: { done: 4 }, runnable: [] });
    expect(steps.at(-1)!.summary).toBe('4 tasks: 4 done; node test.mjs: 6 pass, 0 fail');
    expect(existsSync(result.dir)).toBe(false);
    expect(entries(tmpRoot)).toEqual([]);
    expect(await processesMentioning(result.dir)).toEqual([]);
  });

  it('an abort while the planner waits on its run ends the planner, the server and the run it started (exit 130)', async () => {
    const tmpRoot = await tempDir('planwright-demo-root-');
    const controller = new AbortController();
    const result = await runDemo({
      tmpRoot,
      planner: true,
      signal: controller.signal,
      onProgress: (event) => {
        if (event.type === 'tool-call' && event.tool === 'start_run') controller.abort();
      },
    });

    expect(result.exitCode).toBe(130);
    expect(result.steps.at(-1)).toMatchObject({ step: 'planner', ok: false });
    expect(entries(tmpRoot)).toEqual([]);
    expect(await processesMentioning(result.dir)).toEqual([]);
  });

  it('--planner --live is refused (exit 2, one line), before anything starts', async () => {
    const tmp = await tempDir();
    stubEnv({ TMPDIR: tmp });
    expect(await demoCli(['--planner', '--live'])).toEqual({ code: 2, stdout: '', stderr: 'planwright: --planner runs against the built-in scripted models: leave out --live\n' });
    expect(entries(tmp)).toEqual([]);
  });
});
