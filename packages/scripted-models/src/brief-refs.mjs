// Finds what an orchestrator prompt (or a brief) names: the brief, the results file, the run id, the task id.
// Plain JavaScript that runs unbuilt: the scripted servers bundle it (index.ts), and the fake Codex CLI of
// @planwright/test-utils imports it as `@planwright/scripted-models/brief-refs` (types in the .d.mts).
//
// Accepted forms (case-insensitive; a value may be wrapped in quotes or backticks):
//   brief:    "Read and follow the instructions in: <path>", "brief: <path>", "brief_path=<path>",
//             or any path ending in tasks/<id>.md
//   results:  "write a JSON summary to: <path>", "results path: <path>", "results_path=<path>",
//             "results file: <path>", or any path ending in results/<id>.json
//   run id:   "run_id=<id>", "run_id: <id>", "run id: <id>", "\"run_id\": \"<id>\"", "invocation_run_id=<id>"
//   task id:  "task_id=<id>", "task_id: <id>", "task id: <id>", "\"task_id\": \"<id>\"", else the
//             <id> of the results or brief file name
//   done:     "done marker file: <path>", "done file: <path>", or any path ending in done/<id>.done
//             (done-file mode: the agent creates it, empty, after the results)

const ID = '[A-Za-z0-9][A-Za-z0-9_.-]*';
const VALUE = '(`[^`]+`|"[^"]+"|\'[^\']+\'|\\S+)';
const BRIEF_LABELS = new RegExp(`(?:instructions in|brief(?:[ _](?:path|file))?|task file)\\s*[:=]\\s*${VALUE}`, 'gi');
const RESULTS_LABELS = new RegExp(`(?:summary to|results?[ _](?:path|file)|write (?:the |your )?results to)\\s*[:=]?\\s*${VALUE}`, 'gi');
const BRIEF_TOKEN = new RegExp(`[^\\s\`'"()<>]*tasks/(${ID})\\.md\\b`, 'g');
const RESULTS_TOKEN = new RegExp(`[^\\s\`'"()<>]*results/(${ID})\\.json\\b`, 'g');
const DONE_LABELS = new RegExp(`done(?: marker)? file\\s*[:=]\\s*${VALUE}`, 'gi');
const DONE_TOKEN = new RegExp(`[^\\s\`'"()<>]*done/(${ID})\\.done\\b`, 'g');
const RUN_ID = new RegExp(`run[ _-]?id["'\`]?\\s*[:=]\\s*["'\`]?(${ID})`, 'gi');
const TASK_ID = new RegExp(`task[ _-]?id["'\`]?\\s*[:=]\\s*["'\`]?(${ID})`, 'gi');

function unwrap(value) {
  const quoted = /^([`"'])(.*)\1$/s.exec(value);
  return (quoted ? quoted[2] : value).replace(/[.,;:)]+$/, '');
}

function firstLabelled(pattern, text) {
  for (const match of text.matchAll(pattern)) {
    const value = unwrap(match[1]);
    if (/[/\\]|\.(md|json|txt|done)$/.test(value)) return value;
  }
  return undefined;
}

const stripTrailingDots = (id) => id.replace(/\.+$/, '');

/** `{ briefPath?, resultsPath?, donePath?, runId?, taskId? }` named in `text`; paths as written (maybe relative). */
export function findBriefRefs(text) {
  const briefPath = firstLabelled(BRIEF_LABELS, text) ?? text.match(BRIEF_TOKEN)?.[0];
  const resultsPath = firstLabelled(RESULTS_LABELS, text) ?? text.match(RESULTS_TOKEN)?.[0];
  const donePath = firstLabelled(DONE_LABELS, text) ?? text.match(DONE_TOKEN)?.[0];
  const runId = [...text.matchAll(RUN_ID)][0]?.[1];
  const labelledTask = [...text.matchAll(TASK_ID)][0]?.[1];
  const fromFile = (resultsPath && /([^/\\]+)\.json$/.exec(resultsPath)?.[1]) || (briefPath && /([^/\\]+)\.md$/.exec(briefPath)?.[1]);
  const refs = {};
  if (briefPath) refs.briefPath = briefPath;
  if (resultsPath) refs.resultsPath = resultsPath;
  if (donePath) refs.donePath = donePath;
  if (runId) refs.runId = stripTrailingDots(runId);
  const taskId = labelledTask ? stripTrailingDots(labelledTask) : fromFile;
  if (taskId) refs.taskId = taskId;
  return refs;
}

