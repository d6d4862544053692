import { existsSync } from 'node:fs';
import { chmod, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { git, tempDir } from '@planwright/test-utils';
import { execa } from 'execa';
import { describe, expect, it } from 'vitest';
import { runDemo } from './demo.js';
import { demoCli, entries, processesMentioning, stubEnv } from './demo-test-kit.js';
import { DEMO_STEPS, type DemoProgress, type DemoStep } from './types.js';

const bin = fileURLToPath(new URL('../../dist/bin/planwright.js', import.meta.url));
const COMMIT = /^[0-9a-f]{7,} task_00[1-4]: /;

// The real codex-cli 0.169 and gemini-cli 0.61 (devDependencies of planwright) against the demo's scripted
// model servers, offline. Each run takes about 10 s on two cores.
describe('planwright demo with the real Codex and Gemini CLIs', { timeout: 120_000 }, () => {
  it('runs every step (library call): the files exist as each step reports them, then the folder is gone', async () => {
    const tmpRoot = await tempDir('planwright-demo-root-');
    const seen: DemoStep[] = [];
    const missing: string[] = [];
    const progress: DemoProgress[] = [];
    const result = await runDemo({
      tmpRoot,
      onStep: (step) => {
        seen.push(step);
        missing.push(...Object.values(step.files).filter((file) => !existsSync(file)));
      },
      onProgress: (event) => progress.push(event),
    });

    expect(result.exitCode, JSON.stringify(result.steps, null, 2)).toBe(0);
    expect(result).toMatchObject({ ok: true, mode: 'scripted', kept: false, pr: 'demo', change: 'add-slug-command' });
    expect(seen.map((step) => [step.step, step.ok])).toEqual(DEMO_STEPS.map((name) => [name, true]));
    expect(missing).toEqual([]);
    const files = Object.fromEntries(seen.map((step) => [step.step, step.files]));
    expect(files.plan?.plan).toBe(join(result.repo, '.plans/demo/plan.json'));
    expect(files.research?.research).toBe(join(result.repo, '.plans/demo/research/RESEARCH.md'));
    expect(files.review?.review).toBe(join(result.repo, '.plans/demo/preplan/GEMINI_PLAN_REVIEW.md'));
    expect(files.run?.runDir).toMatch(new RegExp(`^${result.repo}/\\.plans/demo/runs/demo/\\d{8}-\\d{6}-\\d+$`));

    // Every task done by the agent, verified by its own command and committed; two ran at once.
    const run = seen.find((step) => step.step === 'run')!;
    const outcomes = run.details!.outcomes as Array<{ taskId: string; status: string; verified: boolean; commit: string }>;
    expect(outcomes.map(({ taskId, status, verified }) => [taskId, status, verified]).sort()).toEqual(
      ['task_001', 'task_002', 'task_003', 'task_004'].map((id) => [id, 'done', true]),
    );
    expect(progress.slice(0, 2).map((event) => event.type)).toEqual(['task-started', 'task-started']);
    expect(result.commits).toHaveLength(4);
    for (const commit of result.commits) expect(commit).toMatch(COMMIT);
    // task_003 (the command) needs task_001 (slugify): its commit comes after.
    expect(result.commits.findIndex((c) => c.includes('task_003'))).toBeGreaterThan(result.commits.findIndex((c) => c.includes('task_001')));
    expect(result.status).toMatchObject({ total: 4, counts: { done: 4 }, runnable: [], blocked: [] });
    const status = seen.find((step) => step.step === 'status')!;
    expect(status.summary).toBe('4 tasks: 4 done; node test.mjs: 6 pass, 0 fail');
    expect(status.details!.table).toMatch(/\ntask_003 +done +command-line +task_001 /);

    expect(existsSync(result.dir)).toBe(false);
    expect(entries(tmpRoot)).toEqual([]);
    expect(await processesMentioning(result.dir)).toEqual([]);
  });

  it('prints each step in a line or two with where the files are, then the status table (CLI, in-process)', async () => {
    const tmp = await tempDir('planwright-demo-root-');
    stubEnv({ TMPDIR: tmp });
    const { code, stdout, stderr } = await demoCli([]);

    expect(code, stdout + stderr).toBe(0);
    expect(stderr).toBe('');
    const lines = stdout.split('\n');
    expect(lines[0]).toBe('planwright demo: the whole workflow on a sample project, with the real Codex and Gemini CLIs against scripted models on 127.0.0.1 (no credentials, no network)');
    const dir = /folder (\S+) \(removed at the end; --keep keeps it\)/.exec(stdout)?.[1];
    expect(dir?.startsWith(join(tmp, 'planwright-demo-'))).toBe(true);
    expect(stdout).toContain(`sample    word-tools, a tiny Node project (5 files, no install), git repo on main at `);
    expect(stdout).toMatch(/\nsample .*node test\.mjs: 2 pass, 4 fail \(slugify, title-case, cli-slug, readme\)\n/);
    expect(stdout).toContain('\ninit      openspec/project.md, .plans/PLANNER.md (project.md filled in for word-tools), .gitignore: run folders ignored (created)\n');
    expect(stdout).toContain('\nproposal  openspec/changes/add-slug-command/: proposal.md, tasks.md (4 tasks in 2 groups), design.md, specs/word-tools/spec.md; validate: 0 errors, 0 warnings\n');
    expect(stdout).toContain('\nplan      .plans/demo/plan.json: 4 tasks in 2 domains (text-helpers, command-line), task_003 after task_001;');
    expect(stdout).toMatch(/\nresearch  \.plans\/demo\/research\/RESEARCH\.md written by codex \(thread [0-9a-f]{8}…, [\d,]+ tokens in\) in \d+\.\d s; run folder \.plans\/demo\/runs\/demo\/\d{8}-\d{6}-\d+\n/);
    expect(stdout).toMatch(/\nreview    \.plans\/demo\/preplan\/GEMINI_PLAN_REVIEW\.md by gemini \(gemini-3\.1-pro-preview, asked for gemini-3-pro-preview; 1,670 tokens\) in \d+\.\d s; bundle: 3 files\n/);
    for (const id of ['task_001', 'task_002', 'task_003', 'task_004']) {
      expect(stdout).toContain(`          ${id} started (codex)\n`);
      expect(stdout).toMatch(new RegExp(`\\n {10}${id} done, verified, commit [0-9a-f]{7} \\(\\d+\\.\\d s\\)\\n`));
    }
    expect(stdout).toMatch(/\nrun       4\/4 tasks done, verified and committed \(2 at a time\) in \d+\.\d s; run folder \.plans\/demo\/runs\/demo\/\S+\n {10}commits: git -C \S+\/word-tools log --oneline [0-9a-f]{7}\.\.pr\/demo\n/);
    expect(stdout).toContain('\nstatus    4 tasks: 4 done; node test.mjs: 6 pass, 0 fail\n\ngoal: Add a slug command to word-tools\nid        status  domain');
    expect(stdout).toMatch(new RegExp(`\\nevery step passed in \\d+\\.\\d s; removed ${dir}\\n$`));
    expect(entries(tmp)).toEqual([]);
  });

  it('stops at a failing step with exit 1 and still removes the folder (a reviewer that cannot log in)', async () => {
    const tmp = await tempDir('planwright-demo-root-');
    const fakeGemini = join(await tempDir(), 'gemini');
    await writeFile(fakeGemini, '#!/bin/sh\necho \'{"session_id":"s","error":{"type":"auth","message":"Please set an Auth method","code":41}}\' >&2\nexit 41\n');
    await chmod(fakeGemini, 0o755);
    stubEnv({ TMPDIR: tmp, GEMINI_BIN: fakeGemini });
    const { code, stdout } = await demoCli(['--json']);

    const result = JSON.parse(stdout);
    expect(code).toBe(1);
    expect(result).toMatchObject({ ok: false, exitCode: 1, kept: false, commits: [] });
    expect(result.steps.map((step: DemoStep) => [step.step, step.ok])).toEqual([
      ['sample', true], ['init', true], ['proposal', true], ['plan', true], ['research', true], ['review', false],
    ]);
    expect(result.steps[5].summary).toMatch(/auth/i);
    expect(entries(tmp)).toEqual([]);
  });

  it('an abort (Ctrl-C) while agents work ends them, stops the servers and removes the folder (exit 130)', async () => {
    const tmpRoot = await tempDir('planwright-demo-root-');
    const controller = new AbortController();
    const result = await runDemo({
      tmpRoot,
      signal: controller.signal,
      onProgress: (event) => {
        if (event.type === 'task-started') controller.abort();
      },
    });

    expect(result.exitCode).toBe(130);
    expect(result.ok).toBe(false);
    expect(result.steps.at(-1)).toMatchObject({ step: 'run', ok: false });
    expect(entries(tmpRoot)).toEqual([]);
    expect(await processesMentioning(result.dir)).toEqual([]);
  });

  it('the built bin: --keep --json prints one JSON document and keeps the repository with its commits', async () => {
    if (!existsSync(bin)) throw new Error(`${bin} is missing: run "pnpm turbo run build --filter planwright" first`);
    const tmp = await tempDir('planwright-demo-root-');
    const help = await execa(process.execPath, [bin, 'demo', '--help'], { reject: false });
    if (!help.stdout.includes('--live')) throw new Error(`${bin} has no demo command: mount demoCommand in src/commands.ts and build`);
    const run = await execa(process.execPath, [bin, 'demo', '--keep', '--json'], { env: { TMPDIR: tmp }, reject: false, timeout: 110_000 });

    expect(run.exitCode, `${run.stdout}\n${run.stderr}`).toBe(0);
    const result = JSON.parse(run.stdout);
    expect(result).toMatchObject({ ok: true, exitCode: 0, kept: true, status: { counts: { done: 4 } } });
    expect(result.board_command).toBe(`planwright board --repo ${result.repo} --pr demo --run-root ${result.repo}/.plans/demo/runs --open`);
    expect(result.dir.startsWith(join(tmp, 'planwright-demo-'))).toBe(true);
    expect(result.steps.map((step: DemoStep) => step.step)).toEqual([...DEMO_STEPS]);
    expect(await git(result.repo, ['log', '--reverse', '--format=%s', 'main..pr/demo'])).toMatch(/^task_00\d: .*\ntask_00\d: .*\ntask_00\d: .*\ntask_00\d: .*$/);
    const checks = await execa(process.execPath, ['test.mjs'], { cwd: result.repo, reject: false });
    expect(checks.exitCode, checks.stdout).toBe(0);
    expect(existsSync(join(result.repo, '.plans/demo/preplan/GEMINI_PLAN_REVIEW.md'))).toBe(true);
    expect(await processesMentioning(result.dir)).toEqual([]);
    await rm(result.dir, { recursive: true, force: true });
  });
});
