import { join } from 'node:path';
import { git, tempGitRepo, writeFiles } from '@planwright/test-utils';
import { describe, expect, it } from 'vitest';
import { taskDetail } from './task-detail.js';

const RUN = '20261201-100000-4242';

describe('taskDetail', () => {
  it('gives the brief, session, log tail, verify output, results and the commit diff of a task', async () => {
    const repo = await tempGitRepo({ files: { 'README.md': '# demo\n' } });
    const before = (await git(repo, ['rev-parse', 'HEAD'])).trim();
    await writeFiles(repo, { 'src/slug.ts': 'export const slug = 1;\n' });
    await git(repo, ['add', 'src/slug.ts']);
    await git(repo, ['commit', '-qm', 'task_001: slug']);
    const after = (await git(repo, ['rev-parse', 'HEAD'])).trim();
    const runDir = join(repo, '.plans', 'pr-1', 'runs', RUN);
    const task = { id: 'task_001', title: 'Slug', status: 'done', run_dir: runDir, thread_id: 'thread-9', agent: 'codex', usage: { input_tokens: 10, output_tokens: 2, cost_usd: 0.01 }, head_before: before, head_after: after };
    await writeFiles(repo, {
      '.plans/pr-1/plan.json': JSON.stringify({ tasks: [task, { id: 'task_002', status: 'blocked', blocked_reason: 'interrupted' }] }),
      [`.plans/pr-1/runs/${RUN}/meta.json`]: JSON.stringify({ run_dir: runDir, invocation_run_id: `${RUN}-ab12`, created_at: 'x', updated_at: 'x', status: 'completed', tasks: { task_001: { status: 'completed' } } }),
      [`.plans/pr-1/runs/${RUN}/tasks/task_001.md`]: '# task_001: Slug\n\n## Goal\n',
      [`.plans/pr-1/runs/${RUN}/agent_task_001.log`]: Array.from({ length: 300 }, (_, i) => `line ${i}`).join('\n') + '\n',
      [`.plans/pr-1/runs/${RUN}/verify_task_001.log`]: '$ true\n[exit 0]\n',
      [`.plans/pr-1/runs/${RUN}/results/task_001.json`]: JSON.stringify({ task_id: 'task_001', run_id: `${RUN}-ab12`, status: 'completed', summary: 'slug added' }),
    });
    const detail = await taskDetail({ repo, pr: 'pr-1', task: 'task_001', logLines: 5 });
    expect(detail).toMatchObject({ brief: '# task_001: Slug\n\n## Goal\n', thread_id: 'thread-9', agent: 'codex', verify: { output: '$ true\n[exit 0]\n' }, results: { state: 'valid', status: 'completed', summary: 'slug added' }, usage: { cost_usd: 0.01 } });
    expect(detail.log!.href).toBe(`/files/runs/${RUN}/agent_task_001.log`);
    expect(detail.log!.tail.trimEnd().split('\n')).toEqual(['line 295', 'line 296', 'line 297', 'line 298', 'line 299']);
    expect(detail.commit!.diff).toContain('+export const slug = 1;');
    expect(detail.commit!.diff).toContain('src/slug.ts | 1 +');

    const blocked = await taskDetail({ repo, pr: 'pr-1', task: 'task_002' });
    expect(blocked).toMatchObject({ status: 'blocked', blocked_reason: 'interrupted', log: null, commit: null, verify: null });
    await expect(taskDetail({ repo, pr: 'pr-1', task: 'nope' })).rejects.toThrow(/task "nope": no such task/);
  });
});
