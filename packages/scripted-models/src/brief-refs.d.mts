/** What a prompt names; paths as written (maybe relative to the agent's working folder). */
export interface BriefRefs {
  briefPath?: string;
  resultsPath?: string;
  /** Done-file mode: the marker to create (empty) after the results. */
  donePath?: string;
  runId?: string;
  taskId?: string;
  /** The exact JSON the handshake section asks for (task_id and run_id filled in), to complete and write. */
  results?: Record<string, unknown> & { task_id: string; run_id: string };
}

/**
 * Reads what an orchestrator prompt (or a brief) names: the brief it points at, and the brief's
 * handshake section (results path, run id, task id, done marker, the JSON to write), read through
 * @planwright/handshake's `readHandshakeBlock`, never from prose.
 */
export function findBriefRefs(text: string): BriefRefs;
