// Finds what an orchestrator prompt (or a brief) names: the brief, the results file, the run id, the task id.
// Plain JavaScript that runs unbuilt: the scripted servers bundle it (index.ts), and the fake Codex CLI of
// @planwright/test-utils imports it as `@planwright/scripted-models/brief-refs` (types in the .d.mts).
//
// The handshake (task id, run id, results file, done marker, the JSON to write) is read from the brief's
// structured section through @planwright/handshake's handshake-block, the module that writes it: never from prose.
// Only the pointer to the brief is found in the prompt's words, as an agent finds it:
//   "Read and follow the instructions in: <path>" (the kit's prompt), else any path ending in tasks/<id>.md.
import { readHandshakeBlock } from '@planwright/handshake/handshake-block';

const ID = '[A-Za-z0-9][A-Za-z0-9_.-]*';
const BRIEF_LINE = /instructions in:[ \t]*(`[^`\n]+`|"[^"\n]+"|\S+)/i;
const BRIEF_TOKEN = new RegExp(`[^\\s\`'"()<>]*tasks/(${ID})\\.md\\b`);

function briefPathIn(text) {
  const labelled = BRIEF_LINE.exec(text)?.[1];
  if (labelled) return labelled.replace(/^[`"]|[`"]$/g, '').replace(/[.,;:)]+$/, '');
  return BRIEF_TOKEN.exec(text)?.[0];
}

/**
 * `{ briefPath?, resultsPath?, donePath?, runId?, taskId?, results? }` named in `text`: the brief it points
 * at, and the handshake section it holds (a brief, or a prompt that repeats the section). Paths as written.
 */
export function findBriefRefs(text) {
  const refs = {};
  const briefPath = briefPathIn(text);
  if (briefPath) refs.briefPath = briefPath;
  const block = readHandshakeBlock(text);
  if (block) {
    refs.resultsPath = block.resultsPath;
    if (block.donePath) refs.donePath = block.donePath;
    refs.runId = block.runId;
    refs.taskId = block.taskId;
    refs.results = block.results;
  } else if (briefPath) {
    // A task id is also a brief's file name: enough to pick a task's script before the brief is read.
    const fromFile = /([^/\\]+)\.md$/.exec(briefPath)?.[1];
    if (fromFile) refs.taskId = fromFile;
  }
  return refs;
}
