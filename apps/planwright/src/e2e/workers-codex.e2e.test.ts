import { hostname } from 'node:os';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { captureIo } from '@planwright/cli-kit';
import { codexReply, codexTaskAgent, prepareCodexHome, resultsCommand, startCodexServer } from '@planwright/scripted-models';
import { agentCliPath, git, isolatedGitEnv, startRedis, tempDir } from '@planwright/test-utils';
import { execa } from 'execa';
import { describe, expect, it } from 'vitest';
import { main } from '../cli.js';
import { PLANWRIGHT_BIN } from './mcp-planner-kit.js';
import { bareSystemPath, coordinatorRepo, PR, PR_BRANCH, queuedJobs, requireBuiltWorkerBin, startWorkerProcess } from './workers-kit.js';

const NOTES = '# notes, written by task_001 on a worker\n';

// task_002 runs from the commit its dependency's integration made: `cp` fails, and no results are written,
// unless NOTES.md is in its worktree.
const TASKS = [
  { id: 'task_001', title: 'Write NOTES.md', description: 'Write the notes.', status: 'pending', depends_on: [], domain: 'notes', verify: ['test -f NOTES.md'] },
  { id: 'task_002', title: 'Copy the notes', description: 'Copy NOTES.md to SEEN.md.', status: 'pending', depends_on: ['task_001'], domain: 'seen', verify: ['cmp NOTES.md SEEN.md'] },
  { id: 'task_003', title: 'Write TODO.md', description: 'Write the todo list.', status: 'pending', depends_on: [], domain: 'todo', verify: ['test -f TODO.md'] },
];

// What the model does for each task: one shell command that writes the work and the results handshake.
const agent = codexTaskAgent(({ refs }) => {
  if (refs.taskId === 'task_001') return [codexReply.exec(resultsCommand(refs, {}, { 'NOTES.md': NOTES }))];
  if (refs.taskId === 'task_002') return [codexReply.exec(`cp NOTES.md SEEN.md && ${resultsCommand(refs, { files_changed: ['SEEN.md'] })}`)];
  return [codexReply.exec(resultsCommand(refs, {}, { 'TODO.md': '- more workers\n' }))];
});

describe('the real Codex CLI on two worker processes, a coordinator on Redis', () => {
  it('runs dependent tasks to done: one commit each on the PR branch and the remote, thread ids, usage and placements on the coordinator', async () => {
    const codex = agentCliPath('codex'); // fails saying how to install it when missing
    await requireBuiltWorkerBin();
    const redis = await startRedis();
    const server = await startCodexServer({ script: agent });
    try {
      const { repo, remote, planFile, base } = await coordinatorRepo(TASKS);
      // Each worker machine has its own codex set-up: the scripted provider in its CODEX_HOME, the key, the binary.
      const workerEnv = async (name: string) => {
        const home = await tempDir(`planwright-${name}-home-`);
        const { env: codexEnv } = await prepareCodexHome({ server, dir: join(home, '.codex') });
        return { ...isolatedGitEnv(), ...codexEnv, HOME: home, PATH: bareSystemPath(), CODEX_BIN: codex, XDG_CACHE_HOME: join(home, 'cache') };
      };
      const workers = [await startWorkerProcess({ queue: redis.url, name: 'w1', env: await workerEnv('w1') }), await startWorkerProcess({ queue: redis.url, name: 'w2', env: await workerEnv('w2') })];

      // The coordinator has no codex at all: no CODEX_HOME, no key, no binary on PATH, an empty HOME.
      const coordinatorEnv = { ...isolatedGitEnv(), HOME: await tempDir('planwright-coordinator-home-'), PATH: bareSystemPath() };
      expect(Object.keys(coordinatorEnv).filter((key) => /CODEX|MOCK|OPENAI/.test(key))).toEqual([]);
      const run = await execa(process.execPath, [
        PLANWRIGHT_BIN, 'run', '--pr', PR, '--executor', redis.url, '--auto-verify', '--concurrency', '2', '--compact-run',
        '--heartbeat-interval-seconds', '0', '--results-grace-seconds', '5', '--timeout-grace-seconds', '1', '--json',
      ], { cwd: repo, env: coordinatorEnv, extendEnv: false, reject: false, timeout: 240_000 });
      const said = `coordinator:\n${run.stdout}\n${run.stderr}\n${workers.map((worker) => `${worker.name}:\n${worker.output()}`).join('\n')}`;
      expect(run.exitCode, said).toBe(0);
      expect(server.errors, said).toEqual([]);

      const plan = JSON.parse(await readFile(planFile, 'utf8'));
      for (const task of plan.tasks) {
        expect(task, `${task.id}\n${said}`).toMatchObject({ status: 'done', host: hostname(), worker: expect.stringMatching(/^w[12]$/), attempt: 1 });
        expect(task.thread_id).toMatch(/^[0-9a-f-]{36}$/);
        expect(task.usage.input_tokens).toBeGreaterThan(0);
        expect(task.usage.output_tokens).toBeGreaterThan(0);
      }
      expect(new Set(plan.tasks.map((task: { thread_id: string }) => task.thread_id)).size).toBe(3);

      // The jobs carried the task, the commits and the run's settings: nothing of codex's set-up (no home, no
      // key, no model server). The workers found that on their own machine.
      const jobs = await queuedJobs(redis.port);
      expect(jobs.map((job) => (job.task as { id: string }).id).sort()).toEqual(['task_001', 'task_002', 'task_003']);
      for (const job of jobs) {
        expect(Object.keys(job).sort()).toEqual(['baseSha', 'goal', 'pr', 'prBranch', 'remote', 'runId', 'settings', 'task', 'taskBranch']);
        expect(JSON.stringify(job)).not.toMatch(new RegExp(`CODEX|MOCK|\\.codex|${new URL(server.url).host}`));
      }

      // One commit per task on the PR branch, each `<task id>: <title>`, and the remote holds the same branch.
      const subjects = (await git(repo, ['log', '--format=%s', `${base}..${PR_BRANCH}`])).split('\n');
      expect([...subjects].sort()).toEqual(['task_001: Write NOTES.md', 'task_002: Copy the notes', 'task_003: Write TODO.md']);
      expect(subjects.indexOf('task_002: Copy the notes')).toBeLessThan(subjects.indexOf('task_001: Write NOTES.md'));
      expect(await git(remote, ['rev-parse', PR_BRANCH])).toBe(await git(repo, ['rev-parse', 'HEAD']));
      expect(await git(repo, ['status', '--porcelain'])).toBe('');
      // task_002's worktree had its dependency's file: it copied it, so its base included task_001's commit.
      expect(await readFile(join(repo, 'SEEN.md'), 'utf8')).toBe(NOTES);
      expect(await git(repo, ['show', '--format=', '--name-only', `${PR_BRANCH}^{/^task_002:}`])).toBe('SEEN.md');

      // `planwright status` shows where each task ran, and the tokens Codex reported.
      const io = captureIo();
      expect(await main(['status', '--repo', repo, '--pr', PR], io), io.stderr).toBe(0);
      for (const task of plan.tasks) expect(io.stdout).toContain(`${task.id} on ${task.worker}@${hostname()}, attempt 1`);
      expect(io.stdout).toMatch(/task_001\s+done\s+notes\s+-\s+codex\s+\S+\s+\d[\d.k]*\/\d/);
      const json = captureIo();
      expect(await main(['status', '--repo', repo, '--pr', PR, '--json'], json), json.stderr).toBe(0);
      const summary = JSON.parse(json.stdout);
      expect(summary.totals.input_tokens).toBe(plan.tasks.reduce((sum: number, task: { usage: { input_tokens: number } }) => sum + task.usage.input_tokens, 0));
    } finally {
      await server.close();
    }
  }, 300_000);
});
