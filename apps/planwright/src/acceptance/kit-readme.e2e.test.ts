import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { captureIo } from '@planwright/cli-kit';
import {
  agentCliPath,
  followBriefAgent,
  geminiReply,
  git,
  isolatedGitEnv,
  prepareCodexHome,
  prepareGeminiHome,
  startCodexServer,
  startGeminiServer,
  writeFiles,
  type CodexServer,
  type GeminiServer,
} from '@planwright/test-utils';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { main } from '../cli.js';

// The Python kit's README, step by step, through `planwright`, with the real Codex and Gemini CLIs
// playing against scripted model servers. Each step is the kit's command with `python3
// .plan-code-scripts/<script>.py` (or codex-orchestrate) replaced by `planwright <command>`.
describe("the Python kit's README workflow through planwright", { timeout: 180_000 }, () => {
  let codex: CodexServer;
  let gemini: GeminiServer;
  let root: string;
  let repo: string;
  let runRoot: string;
  const PR = 'add-greeting';
  const CHANGE = 'add-greeting';

  async function planwright(...argv: string[]) {
    const io = captureIo();
    const code = await main(argv, io);
    return { code, stdout: io.stdout, stderr: io.stderr };
  }

  beforeAll(async () => {
    codex = await startCodexServer();
    gemini = await startGeminiServer();
    // One folder for the whole workflow (the steps build on each other), removed after the last one.
    root = await mkdtemp(join(tmpdir(), 'planwright-kit-'));
    repo = join(root, 'repo');
    runRoot = join(root, 'runs');
    await mkdir(runRoot, { recursive: true });
    await writeFiles(repo, { 'README.md': '# greeter\n', 'greet.sh': 'echo hello\n' });
    const codexHome = await prepareCodexHome({ server: codex, dir: join(root, 'codex-home') });
    const geminiHome = await prepareGeminiHome({ server: gemini, dir: join(root, 'gemini-home') });
    const env: Record<string, string | undefined> = {
      ...isolatedGitEnv(),
      GIT_AUTHOR_NAME: 'Kit User',
      GIT_AUTHOR_EMAIL: 'kit@planwright.invalid',
      GIT_COMMITTER_NAME: 'Kit User',
      GIT_COMMITTER_EMAIL: 'kit@planwright.invalid',
      ...codexHome.env,
      ...geminiHome.env,
      CODEX_BIN: agentCliPath('codex'),
      GEMINI_BIN: agentCliPath('gemini'),
      CODEX_RUN_ROOT: runRoot,
      CODEX_ORCH_CONFIG: undefined,
      XDG_CACHE_HOME: join(runRoot, '.cache'),
    };
    for (const [key, value] of Object.entries(env)) vi.stubEnv(key, value);
    process.chdir(repo);
  });

  afterAll(async () => {
    vi.unstubAllEnvs();
    process.chdir('/');
    await codex.close();
    await gemini.close();
    await rm(root, { recursive: true, force: true });
  });

  it('1) spec-first scaffolding: init, proposal, validate, plan', async () => {
    expect((await planwright('init')).code).toBe(0);
    expect((await planwright('proposal', CHANGE)).code).toBe(0);
    await writeFile(
      join(repo, 'openspec/changes', CHANGE, 'tasks.md'),
      '## 1. Greeting\n\n- [ ] 1.1 Add `greet.sh` output "hello, world"\n- [ ] 1.2 Document it in `README.md` (after 1.1)\n',
    );
    expect((await planwright('validate', CHANGE)).code).toBe(0);
    const plan = await planwright('plan', CHANGE, '--pr', PR);
    expect(plan.code, plan.stderr).toBe(0);
    const saved = JSON.parse(await readFile(join(repo, '.plans', PR, 'plan.json'), 'utf8'));
    expect(saved.tasks.map((task: { id: string; depends_on: string[] }) => [task.id, task.depends_on])).toEqual([
      ['task_001', []],
      ['task_002', ['task_001']],
    ]);
  });

  it('2) the pre-plan research agent (real Codex) writes research/RESEARCH.md', async () => {
    codex.setScript(followBriefAgent({ files: { [`.plans/${PR}/research/RESEARCH.md`]: '# Research\n\nThe repo is one shell script.\n' } }));
    const research = await planwright('research', '--repo', '.', '--pr', PR, '--goal', 'Greet the world', '--timeout-minutes', '45');
    expect(research.code, research.stdout + research.stderr).toBe(0);
    expect(await readFile(join(repo, '.plans', PR, 'research/RESEARCH.md'), 'utf8')).toContain('one shell script');
  });

  it('3) and 4) plan options, then the plan critique by the real Gemini CLI', async () => {
    await writeFiles(repo, { [`.plans/${PR}/preplan/PLAN_OPTIONS.md`]: '# Options\n\n## A\nOne task.\n\n## B\nTwo tasks.\n' });
    gemini.setScript([geminiReply.text('## Summary\nOption B is safer.\n\n## Recommended verification\n- `sh greet.sh`\n')]);
    const review = await planwright('review', '--repo', '.', '--pr', PR, '--model', 'gemini-3-pro-preview');
    expect(review.code, review.stdout + review.stderr).toBe(0);
    const text = await readFile(join(repo, '.plans', PR, 'preplan/GEMINI_PLAN_REVIEW.md'), 'utf8');
    expect(text).toContain('Option B is safer.');
    expect(text).toMatch(/gemini-3/);
    expect((await planwright('review', '--repo', '.', '--pr', PR, '--model', 'gemini-3-flash-preview')).code).toBe(2);
  });

  it("5) delegate one task (real Codex) with the kit's exact orchestrator flags", async () => {
    codex.setScript(followBriefAgent({ files: { 'greet.sh': 'echo "hello, world"\n' } }));
    const run = await planwright(
      'run', '--plan-dir', join(repo, '.plans', PR), '--code-dir', repo,
      '--run-root', runRoot, '--no-reuse-run', '--compact-run', '--handshake', 'results-json',
      '--ensure-git', '--baseline-commit', '--git-branch', `pr/${PR}`,
      '--sandbox', 'danger-full-access', '--approval', 'never', '--max-tasks', '1',
    );
    expect(run.code, run.stdout + run.stderr).toBe(0);
    expect(run.stdout).toMatch(new RegExp(`^RUN_DIR=${runRoot}/${PR}/\\d{8}-\\d{6}-\\d+$`, 'm'));
    expect(await git(repo, ['symbolic-ref', '--short', 'HEAD'])).toBe(`pr/${PR}`);
    expect(await readFile(join(repo, 'greet.sh'), 'utf8')).toBe('echo "hello, world"\n');
    const status = JSON.parse((await planwright('status', '--pr', PR, '--json')).stdout);
    expect(status.tasks.map((task: { id: string; status: string }) => [task.id, task.status])).toEqual([
      ['task_001', 'agent_done'],
      ['task_002', 'pending'],
    ]);
  });

  it('6) record verification, sync plan state, and the stuck-task helper', async () => {
    const verified = await planwright('mark-verified', '--repo', '.', '--pr', PR, '--task', 'task_001', '--note', 'device ok');
    expect(verified.code).toBe(0);
    expect((await planwright('next', '--pr', PR)).stdout).toMatch(/^task_002 /);
    expect((await planwright('sync', '--repo', '.', '--pr', PR, '--run-root', runRoot)).stdout).toBe('plan in sync\n');
    const doctor = await planwright('doctor', '--repo', '.', '--pr', PR, '--run-root', runRoot, '--print-rerun');
    expect(doctor.code, doctor.stderr).toBe(0);
    expect(doctor.stdout).toContain('codex-orchestrate --plan-dir');
    expect(doctor.stdout).toMatch(/codex exec -C .* resume --json [0-9a-f-]{36} -/);
    const master = await readFile(join(repo, '.plans', PR, 'MASTER.md'), 'utf8');
    expect(master).toContain('mark-verified task_001');
  });
});
