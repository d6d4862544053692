import { readFile } from 'node:fs/promises';
import { isAbsolute, resolve } from 'node:path';
import { type BriefRefs, findBriefRefs } from './brief-refs.mjs';
import type { FollowBriefAgentOptions } from './follow-brief-agent.js';

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

/**
 * The files such an agent writes, in order: `files`, then the results JSON, then (done-file mode) the
 * empty done marker. Relative paths are resolved against `cwd`, since some write tools take only absolute ones.
 */
export function briefWrites(refs: BriefRefs & { resultsPath: string; runId: string }, options: FollowBriefAgentOptions, cwd: string): Array<[path: string, content: string]> {
  const files = options.files ?? {};
  const results = {
    task_id: refs.taskId ?? null,
    run_id: refs.runId,
    status: options.status ?? 'completed',
    summary: options.summary ?? `Did ${refs.taskId ?? 'the task'}.`,
    files_changed: Object.keys(files),
  };
  const writes: Array<[string, string]> = [...Object.entries(files), [refs.resultsPath, `${JSON.stringify(results, null, 2)}\n`]];
  if (refs.donePath) writes.push([refs.donePath, '']);
  return writes.map(([path, content]) => [isAbsolute(path) ? path : resolve(cwd, path), content]);
}

/** The refs found, for a reply that says what is missing. */
export function missingRefsMessage(refs: BriefRefs): string {
  return `I could not find the results path and run id in the prompt (found ${JSON.stringify(refs)}).`;
}
