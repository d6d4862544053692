import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Task } from '@planwright/plan-schema';
import { STALE_RUN_ID, type HandshakeLapse } from '@planwright/test-utils';
import { expect } from 'vitest';
import type { OrchestrateResult, OrchestratorEvent } from '../src/orchestrate/options.js';
import type { Fixture } from './fixture.js';

/** What one orchestrated run of a lapsing agent left, for a case to check. */
export interface LapseRun {
  fixture: Fixture;
  result: OrchestrateResult;
  events: OrchestratorEvent[];
  task: Task;
  /** results/task_001.json of the run, as the orchestrator left it. */
  results: Record<string, unknown>;
  /** The orchestrator's messages the model received, in order: the task's prompt, then any reminder. */
  prompts: string[];
}

/**
 * A way a real model forgets the handshake, and how the orchestrator must end the task: the same table
 * for every real agent CLI (codex.e2e and claude.e2e of handshake-lapses). One task; `NOTES.md` is the work.
 */
export interface LapseCase {
  lapse: HandshakeLapse;
  title: string;
  autoVerify?: boolean;
  /** Agent runs the model server must see: never a third. */
  runs: 1 | 2;
  check(run: LapseRun): Promise<void> | void;
}

/** The work every lapsing agent does: the file its task's verify command looks for. */
export const LAPSE_FILES = { 'NOTES.md': '# notes\n' };
export const LAPSE_VERIFY = ['test -f NOTES.md'];

const trusted = (run: LapseRun) => expect(run.results).toMatchObject({ task_id: 'task_001', run_id: run.result.runId, status: 'completed' });
const reminders = (run: LapseRun) => run.events.filter((event) => event.type === 'reminder');

export const LAPSE_CASES: LapseCase[] = [
  {
    lapse: 'late-results',
    title: 'skips the results file, then writes it after the reminder: agent_done',
    runs: 2,
    check(run) {
      expect(run.task.status).toBe('agent_done');
      trusted(run);
      expect(run.results.generated_by).toBeUndefined();
      expect(reminders(run)).toMatchObject([{ reminder: 1, problem: 'missing' }]);
      expect(run.prompts[1]).toContain(join(run.result.runDir!, 'results', 'task_001.json'));
      expect(run.result.outcomes[0]).toMatchObject({ reminders: 1 });
    },
  },
  {
    lapse: 'no-results',
    title: 'never writes results but leaves passing work: verify decides, done',
    autoVerify: true,
    runs: 2,
    check(run) {
      expect(run.task).toMatchObject({ status: 'done', verified_by: 'auto' });
      trusted(run);
      expect(run.results).toMatchObject({ generated_by: 'planwright', note: 'no results from the agent; verify passed', summary: 'I wrote NOTES.md for task_001; the work is saved.' });
    },
  },
  {
    lapse: 'fenced-json',
    title: 'writes its results in a code fence: read, and marked repaired',
    runs: 1,
    check(run) {
      expect(run.task.status).toBe('agent_done');
      trusted(run);
      expect(run.results.repaired).toEqual(['code_fence']);
      expect(reminders(run)).toEqual([]);
    },
  },
  {
    lapse: 'results-in-repo',
    title: 'writes its results into the repo: moved into the run folder, with a note',
    runs: 1,
    check(run) {
      const misplaced = join(run.fixture.repo, 'results', 'task_001.json');
      expect(run.task.status).toBe('agent_done');
      trusted(run);
      expect(run.results).toMatchObject({ moved_from: misplaced, note: expect.stringContaining('moved into the run folder') });
      expect(existsSync(misplaced)).toBe(false);
    },
  },
  {
    lapse: 'stale-run-id',
    title: 'copies an old run id: refused, the reminder names both ids, then fixed',
    runs: 2,
    check(run) {
      expect(run.task.status).toBe('agent_done');
      trusted(run);
      expect(reminders(run)).toMatchObject([{ reminder: 1, problem: 'stale run_id' }]);
      expect(run.prompts[1]).toContain(STALE_RUN_ID);
      expect(run.prompts[1]).toContain(run.result.runId);
    },
  },
];

/** results/task_001.json of a run. */
export async function readRunResults(result: OrchestrateResult): Promise<Record<string, unknown>> {
  return JSON.parse(await readFile(join(result.runDir!, 'results', 'task_001.json'), 'utf8'));
}
