import { readFile } from 'node:fs/promises';
import { isAbsolute, resolve } from 'node:path';
import { type BriefRefs, findBriefRefs } from './brief-refs.mjs';
import { type HandshakeLapse, lapsedResults, workOnlyMessage } from './handshake-lapse.js';

/** What an agent following its brief does: the files it writes, what its results say, how it slips. */
export interface FollowBriefAgentOptions {
  /** Files to write (relative to the agent's working folder, or absolute) besides the results: path -> content. */
  files?: Record<string, string>;
  /** The results status (default `completed`). */
  status?: 'completed' | 'partial' | 'failed' | 'blocked';
  /** The results summary (default `Did <task id>.`). */
  summary?: string;
  /** How it gets the results handshake wrong, as real models do (default: it gets it right). */
  lapse?: HandshakeLapse;
}

/**
 * What an agent following its brief reads from its conversation: the refs of the user texts (newest
 * wins), completed from the brief file when the prompt lacks some (paths relative to `cwd`).
 */
export async function refsFromTexts(texts: string[], cwd: string): Promise<BriefRefs> {
  let refs: BriefRefs = {};
  for (const text of texts) refs = { ...refs, ...findBriefRefs(text) };
  if (refs.briefPath && !(refs.resultsPath && refs.runId && refs.taskId)) {
    const brief = await readFile(resolve(cwd, refs.briefPath), 'utf8').catch(() => '');
    refs = { ...findBriefRefs(brief), ...refs };
  }
  return refs;
}

/** The results JSON the handshake asks for: its template (ids filled in) completed with the agent's fields. */
export function resultsJson(refs: BriefRefs & { runId: string }, fields: { status?: string; summary?: string; files_changed?: string[]; notes?: string }): Record<string, unknown> {
  return {
    ...(refs.results ?? { task_id: refs.taskId ?? null, run_id: refs.runId }),
    status: fields.status ?? 'completed',
    summary: fields.summary ?? `Did ${refs.taskId ?? 'the task'}.`,
    files_changed: fields.files_changed ?? [],
    ...(fields.notes !== undefined && { notes: fields.notes }),
  };
}

/** One turn of an agent following its brief: the files it writes, in order, and its closing message. */
export interface BriefTurn {
  writes: Array<[path: string, content: string]>;
  /** What it says once the writes are done (the task's summary when verify has to decide). */
  closing: string;
}

/**
 * What such an agent does on `turn` (1 = the task's prompt; 2 = a reminder or follow-up): writes `files`
 * (on the first turn: later prompts ask for the results, not the work again), then the results JSON as its `lapse` has it (maybe none), then in done-file
 * mode the empty done marker after any results; then it says what it did. Relative paths are resolved
 * against `cwd`, since some write tools take only absolute ones.
 */
export function briefTurn(refs: BriefRefs & { resultsPath: string; runId: string }, options: FollowBriefAgentOptions, cwd: string, turn = 1): BriefTurn {
  const files = Object.keys(options.files ?? {});
  const results = resultsJson(refs, { ...options, files_changed: files });
  const written = lapsedResults({ path: refs.resultsPath, results }, options.lapse, turn, cwd);
  const writes: Array<[string, string]> = [...(turn === 1 ? Object.entries(options.files ?? {}) : []), ...(written ? [written] : [])];
  if (written && refs.donePath) writes.push([refs.donePath, '']);
  return {
    writes: writes.map(([path, content]) => [isAbsolute(path) ? path : resolve(cwd, path), content]),
    closing: written ? `Finished ${refs.taskId ?? 'the task'}: results written to ${written[0]}.` : workOnlyMessage(refs.taskId, files),
  };
}

/** The refs found, for a reply that says what is missing. */
export function missingRefsMessage(refs: BriefRefs): string {
  return `I could not find the results path and run id in the prompt (found ${JSON.stringify(refs)}).`;
}
