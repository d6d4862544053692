// The handshake section of a task brief, written and read back by one piece of code. Plain JavaScript
// that runs unbuilt: the orchestrator writes the section (through index.ts), and the scripted model
// servers and the fake Codex CLI read it back (`@planwright/handshake/handshake-block`) without a build.
// Types in handshake-block.d.mts.
//
// The section is the last of the brief, since that is where models look last:
//
//   ## Handshake (required, your last step)
//   <two lines of instructions>
//
//   - Results file: `<absolute path>`
//   - Done marker: `<absolute path>`          (done-file handshake only)
//
//   ```json
//   { the exact JSON to write: task_id and run_id filled in }
//   ```

/** The heading that opens the handshake section; a brief holds it once. */
export const HANDSHAKE_HEADING = '## Handshake (required, your last step)';

const RESULTS_LABEL = '- Results file: ';
const DONE_LABEL = '- Done marker: ';

/** The JSON an agent writes for a finished task: ids filled in, the rest for it to complete. */
export function resultsTemplate(target) {
  return { task_id: target.taskId, run_id: target.runId, status: 'completed', summary: '', files_changed: [], notes: '' };
}

/** The handshake section of a brief for `target` (`{ taskId, runId, resultsPath, donePath? }`). */
export function renderHandshakeBlock(target) {
  const lines = [
    HANDSHAKE_HEADING,
    'When your work is saved, write the JSON below to the results file (overwrite any file there): plain JSON, no code fence.',
    'Keep `task_id` and `run_id` exactly as they are; fill in `summary`, `files_changed` and `notes`. Use status `partial`, `failed` or `blocked` when you could not finish, and say why in `notes`.',
    '',
    `${RESULTS_LABEL}\`${target.resultsPath}\``,
  ];
  if (target.donePath) lines.push(`${DONE_LABEL}\`${target.donePath}\` (create it, empty, after the results file)`);
  lines.push('', '```json', JSON.stringify(resultsTemplate(target), null, 2), '```', '');
  return lines.join('\n');
}

function labelled(lines, label) {
  const line = lines.find((candidate) => candidate.startsWith(label));
  const match = line === undefined ? null : /^`([^`]+)`/.exec(line.slice(label.length));
  return match ? match[1] : undefined;
}

/**
 * Reads the handshake section of a brief back: `{ taskId, runId, resultsPath, donePath?, results }`, or
 * undefined when the text holds no such section (an older brief, or another file).
 */
export function readHandshakeBlock(text) {
  const start = text.indexOf(`${HANDSHAKE_HEADING}\n`);
  if (start === -1) return undefined;
  const section = text.slice(start + HANDSHAKE_HEADING.length + 1);
  const next = section.search(/^## /m);
  const lines = (next === -1 ? section : section.slice(0, next)).split('\n');
  const open = lines.indexOf('```json');
  const close = open === -1 ? -1 : lines.indexOf('```', open + 1);
  const resultsPath = labelled(lines, RESULTS_LABEL);
  if (close === -1 || resultsPath === undefined) return undefined;
  let results;
  try {
    results = JSON.parse(lines.slice(open + 1, close).join('\n'));
  } catch {
    return undefined;
  }
  if (typeof results?.task_id !== 'string' || typeof results?.run_id !== 'string') return undefined;
  const block = { taskId: results.task_id, runId: results.run_id, resultsPath, results };
  const donePath = labelled(lines, DONE_LABEL);
  if (donePath !== undefined) block.donePath = donePath;
  return block;
}
