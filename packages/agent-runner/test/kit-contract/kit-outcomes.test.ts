import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fakeTask } from '../fixture.js';
import { runKitCase, taskOf, type KitCase } from './kit-harness.js';

// What the agent reports, and what the kit then did: the task's status, and exit 0 (the kit's code).
const outcomeCases: KitCase[] = [
  ...(['partial', 'failed', 'blocked'] as const).map(
    (status): KitCase => ({
      name: `the agent reports ${status}: task blocked (agent_reported_${status}), exit 0 as in the kit`,
      tasks: [fakeTask('task_001', status)],
      argv: () => ['--compact-run'],
      exit: 0,
      stdout: [new RegExp(`task_001: blocked \\(agent_reported_${status}\\)`)],
      check: async (run) => expect(await taskOf(run, 'task_001')).toMatchObject({ status: 'blocked', blocked_reason: `agent_reported_${status}` }),
    }),
  ),
  {
    name: 'the agent exits 0 without results, reminder too: fallback partial results, task blocked, exit 0',
    tasks: [fakeTask('task_001', 'no-results', 'on-resume no-results')],
    argv: () => ['--compact-run'],
    exit: 0,
    check: async (run) => {
      expect((await taskOf(run, 'task_001')).status).toBe('blocked');
      expect(JSON.parse(await readFile(join(run.runDir!, 'results', 'task_001.json'), 'utf8'))).toMatchObject({ status: 'partial', generated_by: expect.any(String) });
    },
  },
  {
    name: 'the agent fails (exit 1, a 401): task blocked with its error, exit 0',
    tasks: [fakeTask('task_001', 'exit 1')],
    argv: () => ['--compact-run'],
    exit: 0,
    check: async (run) => expect((await taskOf(run, 'task_001')).blocked_reason).toMatch(/401/),
  },
  {
    name: 'results with another run id are not trusted',
    tasks: [fakeTask('task_001', 'wrong-run-id', 'on-resume wrong-run-id')],
    argv: () => ['--compact-run'],
    exit: 0,
    check: async (run) => expect((await taskOf(run, 'task_001')).status).toBe('blocked'),
  },
  {
    name: 'planwright run keeps planwright\'s code: exit 1 when a task ends blocked',
    cli: 'run',
    tasks: [fakeTask('task_001', 'partial')],
    argv: () => ['--compact-run'],
    exit: 1,
  },
  {
    name: 'planwright run keeps its output short: no "Waiting for" line',
    cli: 'run',
    argv: () => ['--compact-run'],
    exit: 0,
    check: async (run) => expect(run.stdout).not.toMatch(/Waiting for/),
  },
];

describe('kit contract: agent outcomes', () => {
  it.each(outcomeCases.map((kitCase) => [kitCase.name, kitCase] as const))('%s', async (_name, kitCase) => {
    await runKitCase(kitCase);
  });
});
