import { utimes } from 'node:fs/promises';
import { join } from 'node:path';
import { tempPlanRepo, writeFiles } from '@planwright/test-utils';

/** The run folder's name. */
export const RUN = '20261201-100000-4242';
/** A moment of the fixture's run (2026-12-01 10:00:<seconds> UTC). */
export const at = (seconds: number) => new Date(Date.UTC(2026, 11, 1, 10, 0, seconds));

/**
 * A plan of three tasks (a done after two attempts and a verify, b timed out, c pending) with one run
 * folder whose files carry fixed times, and a second PR whose plan cannot be read.
 */
export async function repoWithRun() {
  const repo = await tempPlanRepo({
    plan: {
      goal: 'Ship it',
      created_at: at(0).toISOString(),
      tasks: [
        { id: 'a', status: 'done', verified_at: at(50).toISOString(), usage: { input_tokens: 100, output_tokens: 10, cost_usd: 0.5 }, duration_ms: 40_000 },
        { id: 'b', status: 'blocked', blocked_reason: 'timeout', depends_on: ['a'], domain: 'api' },
        { id: 'c', status: 'pending', depends_on: ['a'] },
      ],
    },
    files: { '.plans/pr-2/plan.json': '{ "tasks": [ ] ' },
  });
  const runDir = join(repo.planDir, 'runs', RUN);
  const meta = { run_dir: runDir, invocation_run_id: `${RUN}-ab12`, created_at: at(0).toISOString(), updated_at: at(60).toISOString(), status: 'timeout', tasks: { a: { status: 'completed', attempts: 2 }, b: { status: 'timeout' } } };
  await writeFiles(runDir, {
    'meta.json': JSON.stringify(meta),
    'control/agent_pids.json': JSON.stringify({ run_id: `${RUN}-ab12`, updated_at: at(0).toISOString(), agents: { a: { pid: 1, pgid: 1, started_at: at(1).toISOString(), agent: 'codex' } } }),
    'tasks/b.md': '# b\n',
    'control/heartbeat.json': JSON.stringify({ updated_at: at(58).toISOString(), task_id: 'b', run_id: `${RUN}-ab12`, waiting_for: 'agent', last_event_at: at(57).toISOString() }),
    'results/a.json': JSON.stringify({ task_id: 'a', run_id: `${RUN}-ab12`, status: 'completed' }),
    'verify_a.log': '$ true\n[exit 0]\n',
    'agent_b.log': 'working\n',
  });
  await utimes(join(runDir, 'tasks/b.md'), at(30), at(30));
  await utimes(join(runDir, 'results/a.json'), at(20), at(20));
  await utimes(join(runDir, 'verify_a.log'), at(25), at(25));
  await utimes(join(runDir, 'agent_b.log'), at(55), at(55));
  return repo;
}
