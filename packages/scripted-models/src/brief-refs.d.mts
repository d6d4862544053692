/** What a prompt names; paths as written (maybe relative to the agent's working folder). */
export interface BriefRefs {
  briefPath?: string;
  resultsPath?: string;
  /** Done-file mode: the marker to create (empty) after the results. */
  donePath?: string;
  runId?: string;
  taskId?: string;
}

/** Reads the brief path, results path, run id and task id that an orchestrator prompt (or a brief) names. */
export function findBriefRefs(text: string): BriefRefs;
