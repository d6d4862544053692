import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import {
  type CodexReply,
  codexReply,
  codexTaskAgent,
  type GeminiReply,
  geminiReply,
  resultsCommand,
  type ScriptFunction,
} from '@planwright/scripted-models';

/** The research task's id in agent-runner's one-task research plan. */
const RESEARCH_TASK = 'task_000';

/**
 * The demo's scripted Codex. Like an agent that follows its brief, it reads the task from the prompt and
 * the brief it points at; the work itself is canned: `models/tasks/<task id>.patch` goes through codex's
 * own `apply_patch`, then one `exec_command` runs the brief's verify commands and, only if they pass,
 * writes the results file the prompt names. The research task writes `models/RESEARCH.md` to the brief's
 * expected file instead. A task the demo has no work for gets a message and no results, so it ends blocked.
 */
export function demoCodexScript(modelsDir: string): ScriptFunction<CodexReply> {
  return codexTaskAgent(async ({ refs, cwd }) => {
    if (!refs.taskId || !refs.resultsPath || !refs.runId) return [codexReply.message(`I cannot find the task, results path and run id in the prompt (found ${JSON.stringify(refs)}).`)];
    const brief = refs.briefPath ? await readFile(resolve(cwd, refs.briefPath), 'utf8').catch(() => '') : '';
    if (refs.taskId === RESEARCH_TASK) {
      const out = briefList(brief, 'Expected files to touch')[0];
      if (!out) return [codexReply.message('The research brief names no file to write.')];
      const research = await readFile(join(modelsDir, 'RESEARCH.md'), 'utf8');
      return [codexReply.exec(resultsCommand(refs, { summary: `Research brief written to ${out}.` }, { [out]: research }))];
    }
    const patch = await readFile(join(modelsDir, 'tasks', `${refs.taskId}.patch`), 'utf8').catch(() => undefined);
    if (!patch) return [codexReply.message(`The demo has no scripted work for ${refs.taskId}; I changed nothing.`)];
    const files = patchedFiles(patch);
    const verify = briefList(brief, 'Verification');
    const summary = `Changed ${files.join(', ')}; ${verify.length ? `checked with ${verify.join('; ')}` : 'no verify commands given'}.`;
    return [codexReply.patch(patch), codexReply.exec([...verify, resultsCommand(refs, { summary, files_changed: files })].join(' && \\\n'))];
  });
}

/** The demo's scripted Gemini reviewer: every review request gets `models/REVIEW.md`. */
export function demoReviewScript(modelsDir: string): ScriptFunction<GeminiReply> {
  return async () => geminiReply.text(await readFile(join(modelsDir, 'REVIEW.md'), 'utf8'), { usage: { promptTokenCount: 1480, candidatesTokenCount: 190, totalTokenCount: 1670 } });
}

/** The backticked items of a `## <heading>` list in a brief (`- \`node test.mjs\``). */
export function briefList(brief: string, heading: string): string[] {
  const start = brief.indexOf(`\n## ${heading}\n`);
  if (start === -1) return [];
  const section = brief.slice(start + heading.length + 5).split(/\n## /)[0] ?? '';
  return [...section.matchAll(/^- `(.+)`\s*$/gm)].map((match) => match[1]!);
}

/** The files an apply_patch text adds, updates or deletes. */
export function patchedFiles(patch: string): string[] {
  return [...patch.matchAll(/^\*\*\* (?:Add|Update|Delete) File: (.+)$/gm)].map((match) => match[1]!.trim());
}
