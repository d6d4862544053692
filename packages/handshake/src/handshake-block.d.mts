/** Where and what an agent reports for one task of one run. */
export interface HandshakeTarget {
  taskId: string;
  /** The orchestrator invocation's run id; results that carry another are never trusted. */
  runId: string;
  /** results/<id>.json in the run folder (absolute). */
  resultsPath: string;
  /** done/<id>.done, for the kit's done-file handshake only. */
  donePath?: string;
}

/** The JSON an agent writes: the ids filled in, the rest for it to complete. */
export interface ResultsTemplate {
  task_id: string;
  run_id: string;
  status: 'completed';
  summary: string;
  files_changed: string[];
  notes: string;
}

/** A brief's handshake section as read back. */
export interface HandshakeBlock extends HandshakeTarget {
  /** The JSON of the section's fenced block, as written there. */
  results: Record<string, unknown> & { task_id: string; run_id: string };
}

/** The heading that opens the handshake section; a brief holds it once. */
export declare const HANDSHAKE_HEADING: string;
/** The JSON an agent writes for a finished task: ids filled in, the rest for it to complete. */
export declare function resultsTemplate(target: HandshakeTarget): ResultsTemplate;
/** The handshake section of a brief: instructions, the results file, the exact JSON in a ```json fence. */
export declare function renderHandshakeBlock(target: HandshakeTarget): string;
/** Reads the handshake section of a brief back; undefined when the text holds none. */
export declare function readHandshakeBlock(text: string): HandshakeBlock | undefined;
