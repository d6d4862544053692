import type { Plan } from '@planwright/plan-schema';
import { timestamp } from '@planwright/plan-schema';

/** The one-task starter plan the kit writes when there is no plan.json yet, for the planner to refine. */
export function defaultPlan(goal: string, at = new Date()): Plan {
  return {
    goal,
    created_at: timestamp(at),
    tasks: [
      {
        id: 'task_001',
        title: 'Implement the requested changes',
        description: goal,
        expected_files: [],
        verify: [],
        done_criteria: ['Requested change is implemented and verified.'],
        depends_on: [],
        status: 'pending',
      },
    ],
  };
}
