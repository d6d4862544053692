import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { captureIo } from '@planwright/cli-kit';
import { tempPlanRepo } from '@planwright/test-utils';
import { describe, expect, it } from 'vitest';
import { main } from '../cli.js';

const plan = {
  goal: 'Health endpoint',
  tasks: [
    { id: 'task_001', title: 'Route "GET /health"', status: 'done', domain: 'api' },
    { id: 'task_002', title: 'DB probe [500 ms]', status: 'in_progress', domain: 'api', depends_on: ['task_001'] },
    { id: 'task.3', title: 'Docs', status: 'blocked', blocked_reason: 'timeout' },
  ],
};

async function run(argv: string[]) {
  const io = captureIo();
  const code = await main(argv, io);
  return { code, stdout: io.stdout, stderr: io.stderr };
}

async function writeRun(planDir: string, name: string, status: string) {
  const runDir = join(planDir, 'runs', name);
  await mkdir(runDir, { recursive: true });
  const meta = { run_dir: runDir, invocation_run_id: `${name}-ab12`, created_at: '2026-11-24T10:00:00Z', updated_at: '2026-11-24T10:05:00Z', status, current_task_id: 'task_002' };
  await writeFile(join(runDir, 'meta.json'), JSON.stringify(meta));
  return runDir;
}

describe('planwright status', () => {
  it('adds the latest run to the plan summary', async () => {
    const { repo, planDir } = await tempPlanRepo({ plan });
    await writeRun(planDir, '20261124-100000-111', 'completed');
    const runDir = await writeRun(planDir, '20261124-110000-222', 'agent_running');
    const { code, stdout } = await run(['status', '--repo', repo, '--pr', 'pr-1']);
    expect(code).toBe(0);
    expect(stdout).toContain('blocked task.3: timeout\n');
    expect(stdout.trimEnd().split('\n').at(-1)).toBe(`latest run: 20261124-110000-222 agent_running (updated 2026-11-24T10:05:00Z), tasks task_002 · ${runDir}`);
    const json = JSON.parse((await run(['status', '--repo', repo, '--pr', 'pr-1', '--json'])).stdout);
    expect(json.latest_run).toMatchObject({ name: '20261124-110000-222', status: 'agent_running' });
  });

  it('shows where a task of a run on workers runs, and --json carries host, worker and attempt', async () => {
    const placed = { ...plan, tasks: [...plan.tasks.slice(0, 1), { ...plan.tasks[1]!, host: 'build-3', worker: 'w1', attempt: 2 }, plan.tasks[2]!] };
    const { repo } = await tempPlanRepo({ plan: placed });
    const { code, stdout } = await run(['status', '--repo', repo, '--pr', 'pr-1']);
    expect(code).toBe(0);
    expect(stdout).toContain('\ntask_002 on w1@build-3, attempt 2\n');
    expect(stdout).not.toMatch(/task_001 on /);
    const json = JSON.parse((await run(['status', '--repo', repo, '--pr', 'pr-1', '--json'])).stdout);
    expect(json.tasks.find((task: { id: string }) => task.id === 'task_002').placement).toEqual({ host: 'build-3', worker: 'w1', attempt: 2 });
  });

  it('--graph prints Mermaid: domains as subgraphs, dependencies as arrows, status as the class', async () => {
    const { repo } = await tempPlanRepo({ plan });
    const { stdout } = await run(['status', '--repo', repo, '--pr', 'pr-1', '--graph']);
    expect(stdout).toBe(
      [
        'flowchart TD',
        '  subgraph domain_0["api"]',
        '    t0_task_001["task_001: Route #quot;GET /health#quot;"]:::done',
        '    t1_task_002["task_002: DB probe #91;500 ms#93;"]:::in_progress',
        '  end',
        '  t2_task_3["task.3: Docs"]:::blocked',
        '  t0_task_001 --> t1_task_002',
        '  classDef pending fill:#f5f5f5,stroke:#9e9e9e',
        '  classDef in_progress fill:#e3f2fd,stroke:#1565c0',
        '  classDef agent_done fill:#fff8e1,stroke:#f9a825',
        '  classDef done fill:#e8f5e9,stroke:#2e7d32',
        '  classDef deferred fill:#eceff1,stroke:#607d8b,stroke-dasharray: 4 2',
        '  classDef blocked fill:#ffebee,stroke:#c62828',
        '  classDef paused fill:#f3e5f5,stroke:#6a1b9a,stroke-dasharray: 2 2',
        '',
      ].join('\n'),
    );
  });

  it('--watch refreshes while the latest run is active and returns when it ends', async () => {
    const { repo, planDir } = await tempPlanRepo({ plan });
    const runDir = await writeRun(planDir, '20261124-110000-222', 'agent_running');
    setTimeout(() => {
      void writeFile(join(runDir, 'meta.json'), JSON.stringify({ run_dir: runDir, invocation_run_id: 'x', created_at: 't', updated_at: '2026-11-24T10:09:00Z', status: 'completed' }));
    }, 400);
    const { code, stdout } = await run(['status', '--repo', repo, '--pr', 'pr-1', '--watch', '--interval', '0.2']);
    expect(code).toBe(0);
    expect(stdout).toContain('agent_running (updated 2026-11-24T10:05:00Z)');
    expect(stdout).toContain('completed (updated 2026-11-24T10:09:00Z)');
  });

  it('--watch with no active run shows the status once', async () => {
    const { repo } = await tempPlanRepo({ plan });
    const { code, stdout } = await run(['status', '--repo', repo, '--pr', 'pr-1', '--watch']);
    expect(code).toBe(0);
    expect(stdout.match(/^goal: /gm)).toHaveLength(1);
  });
});
