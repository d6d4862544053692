/** The fields of a plan task that fakeAgentTask fills in; the task type itself is the caller's (plan-schema's Task). */
export interface FakeAgentTaskFields {
  id: string;
  title?: string;
  description?: string;
  status?: string;
  verify?: string[];
  depends_on?: string[];
}

/**
 * A pending plan task whose brief tells the fake codex what to do: one `fake-agent: <directive>` line
 * per directive (see fake-codex.ts for the modes), after `extra`'s fields. Typed by the caller, since
 * test-utils sits below plan-schema: `const fakeTask = fakeAgentTask<Task>;`.
 *
 * @example
 * fakeAgentTask<Task>('task_001', { domain: 'api' }, 'write one.txt 1', 'slow 2');
 */
export function fakeAgentTask<T extends FakeAgentTaskFields>(id: string, extra: Partial<T> = {}, ...directives: string[]): T {
  const task: FakeAgentTaskFields = {
    id,
    title: `Task ${id}`,
    description: ['Do the work.', ...directives.map((directive) => `fake-agent: ${directive}`)].join('\n'),
    status: 'pending',
    verify: [],
    depends_on: [],
  };
  return { ...task, ...extra } as T;
}
