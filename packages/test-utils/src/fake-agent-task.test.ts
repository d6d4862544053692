import { describe, expect, it } from 'vitest';
import { fakeAgentTask, type FakeAgentTaskFields } from './fake-agent-task.js';

describe('fakeAgentTask', () => {
  it('is a pending task whose description holds one fake-agent line per directive', () => {
    expect(fakeAgentTask('task_001', {}, 'write one.txt 1', 'slow 2')).toEqual({
      id: 'task_001',
      title: 'Task task_001',
      description: 'Do the work.\nfake-agent: write one.txt 1\nfake-agent: slow 2',
      status: 'pending',
      verify: [],
      depends_on: [],
    });
  });

  it("takes the caller's fields over its own", () => {
    expect(fakeAgentTask<FakeAgentTaskFields & { domain?: string }>('docs_1', { status: 'blocked', verify: ['true'], domain: 'docs' })).toMatchObject({ status: 'blocked', verify: ['true'], domain: 'docs', title: 'Task docs_1' });
  });
});
