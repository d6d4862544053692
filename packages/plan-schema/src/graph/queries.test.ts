import { describe, expect, it } from 'vitest';
import type { Task } from '../schemas/task.js';
import { criticalPath, planWaves, runnableTasks } from './queries.js';

const t = (id: string, status: Task['status'], depends_on: string[] = []): Task => ({ id, status, depends_on });

describe('runnableTasks', () => {
  it('is the pending tasks whose dependencies are all done, sorted by id', () => {
    const tasks = [
      t('task_003', 'pending', ['task_001']),
      t('task_002', 'pending'),
      t('task_001', 'done'),
      t('task_004', 'pending', ['task_005']),
      t('task_005', 'agent_done'),
      t('task_006', 'blocked'),
      { id: 'task_000' } as Task,
    ];
    expect(runnableTasks({ tasks }).map((task) => task.id)).toEqual(['task_000', 'task_002', 'task_003']);
  });
});

describe('planWaves', () => {
  it('layers tasks by their longest dependency chain', () => {
    const tasks = [t('d', 'pending', ['b', 'c']), t('b', 'pending', ['a']), t('c', 'pending'), t('a', 'done')];
    expect(planWaves({ tasks })).toEqual([['a', 'c'], ['b'], ['d']]);
  });
});

describe('criticalPath', () => {
  it('is the longest chain of unfinished tasks', () => {
    const tasks = [
      t('a', 'done'),
      t('b', 'pending', ['a']),
      t('c', 'pending', ['b']),
      t('d', 'pending', ['c']),
      t('x', 'pending'),
      t('y', 'pending', ['x']),
    ];
    expect(criticalPath({ tasks })).toEqual(['b', 'c', 'd']);
  });

  it('is empty when everything is finished', () => {
    expect(criticalPath({ tasks: [t('a', 'done'), t('b', 'deferred', ['a'])] })).toEqual([]);
  });

  it('handles 10,000 chained tasks without deep recursion', () => {
    const tasks = Array.from({ length: 10_000 }, (_, i) => t(`t${String(i).padStart(5, '0')}`, 'pending', i ? [`t${String(i - 1).padStart(5, '0')}`] : []));
    expect(criticalPath({ tasks })).toHaveLength(10_000);
    expect(planWaves({ tasks })).toHaveLength(10_000);
  });
});
