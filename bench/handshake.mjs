// The handshake-recovery benchmark (issue 16): 20 tasks whose agent forgets the results file on every
// other task. How many end `done` with no person stepping in (--auto-verify, the default one reminder),
// and the time the reminder turns cost against an agent that never forgets, measured in the same run.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { forgetfulAgent } from './lib/forgetful-agent.mjs';

const { orchestrate } = await import(fileURLToPath(new URL('../packages/agent-runner/dist/index.js', import.meta.url)));

const TASKS = 20;
const quiet = { compactRun: true, heartbeatIntervalSeconds: 0, resultsGraceSeconds: 15, autoVerify: true, env: { ...process.env, CODEX_HOME: tmpdir(), CODEX_ORCH_CONFIG: undefined } };
const everyOther = (taskId) => Number(taskId.slice(1)) % 2 === 1;

async function runPlan(agent) {
  const repo = mkdtempSync(join(tmpdir(), 'planwright-bench-handshake-'));
  const planDir = join(repo, '.plans', 'bench');
  mkdirSync(planDir, { recursive: true });
  const tasks = Array.from({ length: TASKS }, (_, i) => {
    const id = `t${String(i).padStart(2, '0')}`;
    return { id, status: 'pending', verify: [`test -f work/${id}.txt`] };
  });
  writeFileSync(join(planDir, 'plan.json'), JSON.stringify({ goal: 'bench', tasks }, null, 2));
  try {
    const start = performance.now();
    const result = await orchestrate({ ...quiet, planDir, codeDir: repo }, agent);
    const ms = performance.now() - start;
    const plan = JSON.parse(readFileSync(join(planDir, 'plan.json'), 'utf8'));
    return { ms, done: plan.tasks.filter((task) => task.status === 'done').length, reminders: result.outcomes.reduce((sum, outcome) => sum + (outcome.reminders ?? 0), 0) };
  } finally {
    rmSync(repo, { recursive: true, force: true });
  }
}

/**
 * Three runs of the same 20 tasks: an agent that never forgets (the baseline), one that forgets every
 * other task and writes its results after the reminder, and one that forgets and never writes them
 * (verify decides). Interleaved over `rounds`, medians of each.
 */
export async function handshakeRecovery(rounds = 3) {
  const agents = {
    never: () => forgetfulAgent(),
    reminded: () => forgetfulAgent({ forgets: everyOther }),
    verifyDecides: () => forgetfulAgent({ forgets: everyOther, writesAfterReminder: false }),
  };
  const samples = Object.fromEntries(Object.keys(agents).map((name) => [name, []]));
  for (let round = 0; round < rounds; round++) {
    for (const [name, agent] of Object.entries(agents)) samples[name].push(await runPlan(agent()));
  }
  const median = (runs) => [...runs].sort((a, b) => a.ms - b.ms)[Math.floor(runs.length / 2)];
  return { tasks: TASKS, ...Object.fromEntries(Object.entries(samples).map(([name, runs]) => [name, median(runs)])) };
}
