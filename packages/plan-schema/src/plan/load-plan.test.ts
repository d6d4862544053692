import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { tempDir } from '@planwright/test-utils';
import { describe, expect, it } from 'vitest';
import { PlanError } from '../errors.js';
import { loadPlan, parsePlanText } from './load-plan.js';

const task = (id: string, extra: Record<string, unknown> = {}) => ({ id, title: `Task ${id}`, status: 'pending', ...extra });

function problemOf(data: unknown): string {
  try {
    parsePlanText(typeof data === 'string' ? data : JSON.stringify(data, null, 2), 'plan.json');
  } catch (error) {
    expect(error).toBeInstanceOf(PlanError);
    expect((error as PlanError).exitCode).toBe(2);
    const { message, hint } = error as PlanError;
    return hint ? `${message} (${hint})` : message;
  }
  throw new Error('the plan was accepted');
}

describe('loadPlan', () => {
  it('returns the plan as written, unknown keys included', async () => {
    const dir = await tempDir();
    const file = join(dir, 'plan.json');
    await writeFile(file, JSON.stringify({ goal: 'g', owner: 'me', tasks: [task('a', { mine: { x: 1 } })] }));
    const plan = await loadPlan(file);
    expect(plan.goal).toBe('g');
    expect(plan.owner).toBe('me');
    expect(plan.tasks[0]!.mine).toEqual({ x: 1 });
  });

  it('reads the legacy task_id as id, in the same key position', () => {
    const plan = parsePlanText(JSON.stringify({ tasks: [{ task_id: 'a', title: 't' }] }), 'plan.json');
    expect(Object.keys(plan.tasks[0]!)).toEqual(['id', 'title']);
    expect(plan.tasks[0]!.id).toBe('a');
  });

  it('reads the status delegated as in_progress', () => {
    const plan = parsePlanText(JSON.stringify({ tasks: [task('a', { status: 'delegated' })] }), 'plan.json');
    expect(plan.tasks[0]!.status).toBe('in_progress');
  });

  it('accepts a task without a status (pending) and bookkeeping left null by older tools', () => {
    const plan = parsePlanText(JSON.stringify({ tasks: [{ id: 'a', blocked_reason: null }] }), 'plan.json');
    expect(plan.tasks).toHaveLength(1);
  });

  it('names a missing file and how to make one', async () => {
    const dir = await tempDir();
    await expect(loadPlan(join(dir, 'nope.json'), { label: 'nope.json' })).rejects.toThrow(
      'nope.json: no such plan file',
    );
  });
});

describe('plan problems', () => {
  it('invalid JSON, with line and column', () => {
    expect(problemOf('{\n  "tasks": [\n    {"id": "a",}\n  ]\n}')).toBe(
      "plan.json:3:16: invalid JSON: trailing comma before '}' (fix the JSON syntax at that position)",
    );
  });

  it('an empty file', () => {
    expect(problemOf('  \n')).toBe('plan.json: the file is empty (it must hold one JSON object)');
  });

  it('JSON that is not an object', () => {
    expect(problemOf([1, 2])).toBe(
      'plan.json: expected a JSON object, got an array (the file must hold one object with a "tasks" array)',
    );
  });

  it('no tasks array', () => {
    expect(problemOf({ goal: 'g' })).toBe('plan.json: tasks: missing (a plan needs a "tasks" array)');
  });

  it('a wrong type', () => {
    expect(problemOf({ tasks: [task('a', { title: 42 })] })).toBe('plan.json: tasks[0].title: expected a string, got 42');
    expect(problemOf({ tasks: [task('a', { verify: 'pnpm test' })] })).toBe(
      'plan.json: tasks[0].verify: expected an array, got "pnpm test"',
    );
  });

  it('an unknown status, listing the allowed ones', () => {
    expect(problemOf({ tasks: [task('a'), task('b', { status: 'finished' })] })).toBe(
      'plan.json: tasks[1].status: unknown status "finished" (allowed: pending, in_progress, agent_done, done, deferred, blocked, paused)',
    );
  });

  it('a task without an id', () => {
    expect(problemOf({ tasks: [{ title: 'x' }] })).toBe('plan.json: tasks[0].id: missing (every task needs an "id")');
  });

  it.each(['../x', 'a/b', '', '-a', 'a b'])('an id that is not file-name-safe: %j', (id) => {
    expect(problemOf({ tasks: [task(id)] })).toBe(
      `plan.json: tasks[0].id: ${JSON.stringify(id)} is not a file-name-safe id (use letters, digits, "_", "." and "-", starting with a letter or digit)`,
    );
  });

  it('duplicate ids', () => {
    expect(problemOf({ tasks: [task('a'), task('b'), task('a')] })).toBe(
      'plan.json: tasks[2].id: duplicate id "a" (also tasks[0]) (give every task its own id)',
    );
  });

  it('a dependency on no task', () => {
    expect(problemOf({ tasks: [task('a', { depends_on: ['zzz'] })] })).toBe(
      'plan.json: tasks[0].depends_on[0]: no task has the id "zzz" (fix the id or remove it from depends_on)',
    );
  });

  it('a dependency cycle, naming the tasks in it', () => {
    const tasks = [
      task('a'),
      task('b', { depends_on: ['a', 'd'] }),
      task('c', { depends_on: ['b'] }),
      task('d', { depends_on: ['c'] }),
      task('e', { depends_on: ['d'] }),
    ];
    expect(problemOf({ tasks })).toBe(
      'plan.json: tasks[1].depends_on: dependency cycle: b -> d -> c -> b (each needs the next) (remove one of these dependencies)',
    );
  });

  it('a task that depends on itself', () => {
    expect(problemOf({ tasks: [task('a', { depends_on: ['a'] })] })).toBe(
      'plan.json: tasks[0].depends_on[0]: task "a" depends on itself (remove it from depends_on)',
    );
  });

  it('both id and a different task_id', () => {
    expect(problemOf({ tasks: [{ id: 'a', task_id: 'b' }] })).toBe(
      'plan.json: tasks[0]: has both "id" ("a") and the legacy "task_id" ("b") (keep only "id")',
    );
  });

  it('says how many more problems there are', () => {
    expect(problemOf({ tasks: [task('a', { status: 'x' }), task('b', { title: 1 })] })).toContain(
      '1 more problem after this one',
    );
  });
});
