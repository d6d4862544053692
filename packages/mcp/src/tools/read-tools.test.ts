import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { loadPlan } from '@planwright/plan-schema';
import { initOpenspec, createProposal } from '@planwright/specflow';
import { writeFiles } from '@planwright/test-utils';
import { describe, expect, it } from 'vitest';
import { call, callError, fakeTask, memoryClient, planRepo } from '../../test/mcp-fixture.js';

const TOOLS = [
  'status', 'next', 'show_task', 'validate_plan', 'run_status', 'doctor', 'stop_run', 'sync', 'list_changes', 'show_change', 'validate_change',
  'create_plan_from_change', 'add_tasks', 'update_task', 'research', 'review', 'start_run', 'wait_run', 'mark_verified', 'verify_task',
];

describe('the tools a client sees', () => {
  it('every tool has an input and an output schema; the ones that run agents or shell commands say so', async () => {
    const fixture = await planRepo([]);
    const { tools } = await (await memoryClient(fixture.repo)).listTools();
    expect(tools.map((tool) => tool.name).sort()).toEqual([...TOOLS].sort());
    for (const tool of tools) {
      expect(tool.inputSchema.type, tool.name).toBe('object');
      expect(tool.outputSchema?.type, tool.name).toBe('object');
      expect(tool.description!.length, tool.name).toBeGreaterThan(40);
    }
    const loud = tools.filter((tool) => /RUNS (CODE AGENTS|A CODE AGENT|A REVIEWER|SHELL COMMANDS)/.test(tool.description!)).map((tool) => tool.name);
    expect(loud.sort()).toEqual(['research', 'review', 'start_run', 'verify_task']);
    expect(tools.find((tool) => tool.name === 'add_tasks')!.inputSchema.required).toEqual(['pr', 'tasks']);
  });
});

describe('reading tools', () => {
  it('next, show_task and validate_plan answer with the CLI documents', async () => {
    const fixture = await planRepo([fakeTask('task_001', { domain: 'api', verify: ['true'], owner: 'ana' } as never), fakeTask('task_002', { depends_on: ['task_001'] })]);
    const client = await memoryClient(fixture.repo);
    expect(await call(client, 'next', { pr: 'pr-1' })).toEqual({ runnable: [{ id: 'task_001', title: 'Task task_001', domain: 'api', depends_on: [], verify: ['true'] }] });
    expect(await call(client, 'show_task', { pr: 'pr-1', task: 'task_001' })).toMatchObject({ plan: '.plans/pr-1/plan.json', task: { id: 'task_001', owner: 'ana' } });
    expect(await call(client, 'validate_plan', { pr: 'pr-1' })).toEqual({ valid: true, file: '.plans/pr-1/plan.json', tasks: 2, counts: expect.objectContaining({ pending: 2 }), waves: 2 });
    await writeFile(fixture.planFile, JSON.stringify({ goal: 'x', tasks: [{ id: 'a', depends_on: ['b'] }] }));
    expect(await call(client, 'validate_plan', { pr: 'pr-1' })).toMatchObject({ valid: false, problems: [expect.objectContaining({ path: expect.stringContaining('depends_on') })] });
  });

  it('list_changes, show_change, validate_change and create_plan_from_change work on an OpenSpec change', async () => {
    const fixture = await planRepo([]);
    await initOpenspec({ repo: fixture.repo });
    await createProposal({ repo: fixture.repo, change: 'add-export' });
    await writeFiles(fixture.repo, { 'openspec/changes/add-export/tasks.md': '# Tasks\n\n## 1. Export\n- [ ] 1.1 Write `src/export.ts`\n  - Verify: `true`\n- [ ] 1.2 Document it in `README.md` (after 1.1)\n' });
    const client = await memoryClient(fixture.repo);
    expect(await call(client, 'list_changes', {})).toMatchObject({ changes: [{ name: 'add-export', tasks: { done: 0, total: 2 } }] });
    expect(await call(client, 'show_change', { name: 'add-export' })).toMatchObject({ type: 'change', change: { name: 'add-export' } });
    expect(await call(client, 'validate_change', { name: 'add-export' })).toHaveProperty('valid');
    expect(await call(client, 'create_plan_from_change', { change: 'add-export', pr: 'pr-export' })).toMatchObject({ pr: 'pr-export', tasks: 2 });
    expect((await loadPlan(join(fixture.repo, '.plans/pr-export/plan.json'))).tasks).toHaveLength(2);
    expect(await callError(client, 'create_plan_from_change', { change: 'add-export', pr: 'pr-export' })).toMatch(/^planwright: .*(exists|--force)/);
    expect(await callError(client, 'show_change', { name: '../../etc' })).toMatch(/Input validation error/);
    expect(await callError(client, 'create_plan_from_change', { change: 'add-export', pr: 'pr-x', verify_overrides: '/etc/passwd' })).toMatch(/verify_overrides: \/etc\/passwd is outside the repository/);
  });
});
