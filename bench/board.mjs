// Board benchmarks (issue 15), measured in Debian's chromium driven by playwright-core, on a 500-task plan
// with a run in progress:
// - first paint: from opening the page to the laid-out graph of all 500 tasks, against fetching the
//   state JSON alone;
// - live update: from a plan.json write (atomic, as the tools write it) to the page showing the new
//   status, against fs.watch seeing the same write in Node. Target: under 100 ms.
import { existsSync, mkdirSync, mkdtempSync, renameSync, rmSync, watch, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { median } from './lib/measure.mjs';
import { makePlan } from './lib/plans.mjs';

const boardDir = fileURLToPath(new URL('../packages/board/', import.meta.url));
const { startBoard } = await import(join(boardDir, 'dist/index.js'));
const { chromium } = createRequire(join(boardDir, 'package.json'))('playwright-core');

function chromiumPath() {
  const path = process.env.CHROMIUM_PATH ?? ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((candidate) => existsSync(candidate));
  if (!path) throw new Error('bench/board: chromium not found: run "bash scripts/setup-system.sh" (apt-get install chromium)');
  return path;
}

/** A repo whose PR has a 500-task plan and a run with eight agents at work. */
function project() {
  const repo = mkdtempSync(join(tmpdir(), 'planwright-bench-board-'));
  const planDir = join(repo, '.plans', 'bench');
  const plan = makePlan(500);
  const runName = '20261124-100000-4242';
  const runDir = join(planDir, 'runs', runName);
  mkdirSync(join(runDir, 'control'), { recursive: true });
  mkdirSync(join(runDir, 'tasks'), { recursive: true });
  const running = plan.tasks.filter((task) => task.status === 'in_progress').slice(0, 8);
  const now = new Date().toISOString();
  const tasks = Object.fromEntries(running.map((task) => [task.id, { status: 'agent_running' }]));
  writeFileSync(join(runDir, 'meta.json'), JSON.stringify({ run_dir: runDir, invocation_run_id: `${runName}-ab12`, created_at: now, updated_at: now, status: 'agent_running', tasks }));
  writeFileSync(join(runDir, 'control', 'agent_pids.json'), JSON.stringify({ run_id: `${runName}-ab12`, updated_at: now, agents: Object.fromEntries(running.map((task, i) => [task.id, { pid: 100 + i, pgid: 100 + i, started_at: now, agent: 'codex' }])) }));
  for (const task of running) {
    task.run_dir = runDir;
    writeFileSync(join(runDir, 'tasks', `${task.id}.md`), `# ${task.id}\n`);
    writeFileSync(join(runDir, `agent_${task.id}.log`), '{"type":"turn.started"}\n');
  }
  const planFile = join(planDir, 'plan.json');
  const write = () => {
    writeFileSync(`${planFile}.tmp`, `${JSON.stringify(plan, null, 2)}\n`);
    renameSync(`${planFile}.tmp`, planFile);
  };
  write();
  return { repo, planDir, plan, write, cleanup: () => rmSync(repo, { recursive: true, force: true }) };
}

export async function boardBench({ loads = 5, updates = 15 } = {}) {
  const fixture = project();
  const board = await startBoard({ repo: fixture.repo, pr: 'bench' });
  const browser = await chromium.launch({ executablePath: chromiumPath(), headless: true, args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'] });
  try {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    const paint = [];
    const fetchState = [];
    for (let i = 0; i < loads; i++) {
      let start = performance.now();
      await (await fetch(board.url.replace('/?', '/api/state?'))).json();
      fetchState.push(performance.now() - start);
      start = performance.now();
      await page.goto(board.url);
      await page.locator('g.node').nth(499).waitFor({ state: 'attached' });
      paint.push(performance.now() - start);
    }
    const pending = fixture.plan.tasks.filter((task) => task.status === 'pending').slice(0, updates);
    const shown = [];
    const watched = [];
    for (const task of pending) {
      const seen = page.evaluate((id) => new Promise((resolve) => {
        const node = document.querySelector(`g.node[data-id="${id}"]`);
        new MutationObserver(() => node.getAttribute('data-status') === 'in_progress' && resolve(Date.now())).observe(node, { attributes: true });
      }), task.id);
      await page.waitForTimeout(50);
      const watcher = new Promise((resolve) => {
        const w = watch(fixture.planDir, () => { w.close(); resolve(Date.now()); });
      });
      task.status = 'in_progress';
      const start = Date.now();
      fixture.write();
      watched.push((await watcher) - start);
      shown.push((await seen) - start);
    }
    return { firstPaint: median(paint), fetchState: median(fetchState), update: median(shown), watchSeen: median(watched) };
  } finally {
    await browser.close();
    await board.close();
    fixture.cleanup();
  }
}
