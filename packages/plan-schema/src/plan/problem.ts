/** One thing wrong with a plan, found by validation. */
export interface PlanProblem {
  /** JSON path, such as `tasks[2].status`; empty for the whole document. */
  path: string;
  message: string;
  hint?: string;
}
