import { mkdir, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { loadPlan } from '@planwright/plan-schema';
import { tempDir, tempPlanRepo } from '@planwright/test-utils';
import { describe, expect, it, onTestFinished } from 'vitest';
import { rawRequest } from '../../test/raw-get.js';
import { startBoard, type BoardOptions } from './server.js';

const plan = { goal: 'Ship it', tasks: [{ id: 'task_001', title: 'One', status: 'agent_done', verify: [], depends_on: [] }] };

async function boardOn(options: Partial<BoardOptions> = {}) {
  const repo = await tempPlanRepo({ plan, files: { '.plans/pr-1/runs/20261201-100000-1/meta.json': '{}\n', '.plans/pr-1/MASTER.md': '# log\n' } });
  const board = await startBoard({ repo: repo.repo, pr: 'pr-1', ...options });
  onTestFinished(() => board.close());
  return { ...repo, board, get: (path: string, extra = {}) => rawRequest(board.port, path, extra), t: `token=${board.token}` };
}

describe('the token', () => {
  it('refuses requests without it (401) or with a wrong one (403), and serves with it', async () => {
    const { board, get, t } = await boardOn();
    expect(board.url).toMatch(new RegExp(`^http://127\\.0\\.0\\.1:${board.port}/\\?token=[A-Za-z0-9_-]{22}$`));
    for (const path of ['/', '/api/state', '/api/events', '/assets/board.js', '/files/plans/pr-1/plan.json']) {
      expect((await get(path)).status, path).toBe(401);
      expect((await get(`${path}?token=wrong-token-of-22-chars`)).status, path).toBe(403);
    }
    const page = await get(`/?${t}`);
    expect(page.status).toBe(200);
    expect(page.body).toContain(`/assets/board.js?token=${board.token}`);
    expect(JSON.parse((await get(`/api/state?${t}`)).body)).toMatchObject({ pr: 'pr-1', summary: { total: 1, counts: { agent_done: 1 } } });
  });

  it('refuses a Host header that is not the board (DNS rebinding), token or not', async () => {
    const { get, t } = await boardOn();
    expect((await get(`/api/state?${t}`, { host: 'evil.example:80' })).status).toBe(403);
  });

  it('listens on 127.0.0.1 only', async () => {
    const { board } = await boardOn();
    expect(new URL(board.url).hostname).toBe('127.0.0.1');
  });
});

describe('files', () => {
  it('serves files below .plans/ and the runs root', async () => {
    const { get, t } = await boardOn();
    expect(await get(`/files/plans/pr-1/MASTER.md?${t}`)).toEqual({ status: 200, body: '# log\n' });
    expect((await get(`/files/runs/20261201-100000-1/meta.json?${t}`)).status).toBe(200);
    expect((await get(`/files/plans/pr-1/nothing.txt?${t}`)).status).toBe(404);
  });

  it('never serves a file outside them: .., encoded .., absolute paths, backslashes, symlinks out', async () => {
    const { get, t, repo, planDir } = await boardOn();
    const outside = await tempDir('planwright-outside-');
    await writeFile(join(outside, 'secret.txt'), 'TOP-SECRET-CONTENT\n');
    await writeFile(join(repo, 'repo-secret.txt'), 'TOP-SECRET-CONTENT\n');
    await symlink(join(outside, 'secret.txt'), join(planDir, 'link.txt'));
    await mkdir(join(planDir, 'runs', 'sub'), { recursive: true });
    await symlink(outside, join(planDir, 'runs', 'sub', 'out'));
    const attempts = [
      '/files/plans/../repo-secret.txt',
      '/files/plans/pr-1/../../repo-secret.txt',
      '/files/plans/%2e%2e/repo-secret.txt',
      '/files/plans/%2E%2E%2frepo-secret.txt',
      '/files/plans/pr-1%2f..%2f..%2frepo-secret.txt',
      '/files/plans/..%5crepo-secret.txt',
      `/files/plans/${encodeURIComponent(join(outside, 'secret.txt'))}`,
      `/files/plans//${outside.slice(1)}/secret.txt`,
      '/files/plans/pr-1/link.txt',
      '/files/runs/sub/out/secret.txt',
      '/files/runs/%252e%252e/x',
      '/files/plans/pr-1/%00plan.json',
    ];
    for (const path of attempts) {
      const answer = await get(`${path}?${t}`);
      expect(answer.body, path).not.toContain('TOP-SECRET');
      // Refused as outside (403); only the double-encoded one names a file that simply is not there.
      expect(answer.status, path).toBe(path.includes('%252e') ? 404 : 403);
    }
  });
});

describe('control', () => {
  it('is refused on a read-only board and changes nothing', async () => {
    const { get, t, planFile } = await boardOn();
    const answer = await get(`/api/control/mark-verified?${t}`, { method: 'POST', body: '{"task":"task_001"}' });
    expect(answer.status).toBe(403);
    expect(JSON.parse(answer.body).error).toContain('--allow-control');
    expect((await loadPlan(planFile)).tasks[0]!.status).toBe('agent_done');
  });

  it('with --allow-control, mark-verified calls the library under the plan lock; bad input is a 400 with the message', async () => {
    const { get, t, planFile } = await boardOn({ allowControl: true });
    const answer = await get(`/api/control/mark-verified?${t}`, { method: 'POST', body: '{"task":"task_001"}' });
    expect(answer.status).toBe(200);
    expect(JSON.parse(answer.body)).toMatchObject({ task_id: 'task_001', status: 'done' });
    expect((await loadPlan(planFile)).tasks[0]).toMatchObject({ status: 'done', verified_by: 'manual' });
    const unknown = await get(`/api/control/mark-verified?${t}`, { method: 'POST', body: '{"task":"nope"}' });
    expect(unknown.status).toBe(400);
    expect(JSON.parse(unknown.body).error).toContain('nope');
    expect((await get(`/api/control/explode?${t}`, { method: 'POST' })).status).toBe(400);
  });
});
