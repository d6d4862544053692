// Orchestrator benchmarks (issue 5), each against a baseline measured in the same run:
// - makespan of 40 one-second tasks in 8 domains at concurrency 1, 2, 4, 8, against the ideal schedule;
// - orchestration overhead per task with an instant agent, against running the same agent directly;
// - the time from a results file appearing to the task being recorded, against the kit's 500 ms poll.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { median } from './lib/measure.mjs';
import { shellAgent } from './lib/shell-agent.mjs';

const { orchestrate } = await import(fileURLToPath(new URL('../packages/agent-runner/dist/index.js', import.meta.url)));

function project(tasks) {
  const repo = mkdtempSync(join(tmpdir(), 'planwright-bench-orch-'));
  const planDir = join(repo, '.plans', 'bench');
  mkdirSync(planDir, { recursive: true });
  writeFileSync(join(planDir, 'plan.json'), JSON.stringify({ goal: 'bench', tasks }, null, 2));
  return { repo, planDir, cleanup: () => rmSync(repo, { recursive: true, force: true }) };
}

const quiet = { compactRun: true, heartbeatIntervalSeconds: 0, resultsGraceSeconds: 0, env: { ...process.env, CODEX_HOME: tmpdir(), CODEX_ORCH_CONFIG: undefined } };

async function timed(fn) {
  const start = performance.now();
  const result = await fn();
  return { ms: performance.now() - start, result };
}

export async function makespan(levels = [1, 2, 4, 8]) {
  const tasks = Array.from({ length: 40 }, (_, i) => ({ id: `t${String(i).padStart(2, '0')}`, status: 'pending', domain: `d${i % 8}`, verify: [] }));
  const rows = [];
  for (const concurrency of levels) {
    const { repo, planDir, cleanup } = project(tasks);
    try {
      const { ms, result } = await timed(() => orchestrate({ ...quiet, planDir, codeDir: repo, concurrency, maxTasks: 40 }, shellAgent({ seconds: 1 })));
      if (result.exitCode !== 0) throw new Error(`makespan run failed: exit ${result.exitCode}`);
      // Ideal: every slot busy, and no domain's five tasks faster than one after another.
      const ideal = 1000 * Math.max(Math.ceil(40 / concurrency), 40 / 8);
      rows.push({ concurrency, ms, ideal });
    } finally {
      cleanup();
    }
  }
  return rows;
}

export async function overhead(count = 30) {
  const tasks = Array.from({ length: count }, (_, i) => ({ id: `t${String(i).padStart(2, '0')}`, status: 'pending', verify: [] }));
  const { repo, planDir, cleanup } = project(tasks);
  try {
    const agent = shellAgent();
    // The default results grace: an agent that exits right after its results is never signalled.
    const { ms } = await timed(() => orchestrate({ ...quiet, resultsGraceSeconds: 15, planDir, codeDir: repo, maxTasks: count }, agent));
    // Baseline: the same agent run directly, one after another, with a prompt naming a results file.
    const direct = [];
    const launch = await agent.launch({ prompt: `You are a code agent executing t00.\n2) When finished, write a JSON summary to: ${join(repo, 'direct.json')}\n3) Include run_id=x\n` });
    for (let i = 0; i < count; i++) {
      const start = performance.now();
      spawnSync(launch.bin, launch.args, { input: launch.stdin });
      direct.push(performance.now() - start);
    }
    const directTotal = direct.reduce((a, b) => a + b, 0);
    return { perTask: (ms - directTotal) / count, directPerTask: directTotal / count, orchestratedPerTask: ms / count };
  } finally {
    cleanup();
  }
}

export async function detection(rounds = 7) {
  const samples = [];
  for (let i = 0; i < rounds; i++) {
    const { repo, planDir, cleanup } = project([{ id: 't00', status: 'pending', verify: [] }]);
    try {
      let finishedAt = 0;
      const result = await orchestrate(
        { ...quiet, planDir, codeDir: repo, onEvent: (event) => event.type === 'task-finished' && (finishedAt = Date.now()) },
        shellAgent({ seconds: 0.2, linger: 30 }),
      );
      const written = JSON.parse(readFileSync(join(result.runDir, 'results', 't00.json'), 'utf8')).written_at_ms;
      samples.push(finishedAt - written);
    } finally {
      cleanup();
    }
  }
  return { median: median(samples), kitPoll: await kitPollLatency(rounds) };
}

/** The Python kit's way, measured here: check for the file every 500 ms. */
async function kitPollLatency(rounds) {
  const dir = mkdtempSync(join(tmpdir(), 'planwright-bench-poll-'));
  const samples = [];
  try {
    for (let i = 0; i < rounds; i++) {
      const file = join(dir, `r${i}.json`);
      const appear = 100 + Math.random() * 500;
      setTimeout(() => writeFileSync(file, String(Date.now())), appear);
      while (!existsSync(file)) await new Promise((resolve) => setTimeout(resolve, 500));
      samples.push(Date.now() - Number(readFileSync(file, 'utf8')));
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return median(samples);
}
