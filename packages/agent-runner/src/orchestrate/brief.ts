import { renderHandshakeBlock, type Handshake, type HandshakeTarget, type Task } from '@planwright/plan-schema';
import type { RunLayout } from '@planwright/run-store';

export interface BriefContext {
  goal: string;
  task: Task;
  layout: RunLayout;
  codeDir: string;
  runId: string;
  handshake: Handshake;
}

/** Where and what the agent of `task` reports in this run (the done marker only in done-file mode). */
export function handshakeTarget({ task, layout, runId, handshake }: Pick<BriefContext, 'task' | 'layout' | 'runId' | 'handshake'>): HandshakeTarget {
  const target: HandshakeTarget = { taskId: task.id, runId, resultsPath: layout.resultsPath(task.id) };
  if (handshake === 'done-file') target.donePath = layout.donePath(task.id);
  return target;
}

/**
 * The task brief, tasks/<id>.md: everything the agent needs and nothing from the planner's chat. The
 * Python kit's sections, the rule on killing processes, and the handshake once, last (where models look
 * last), with the exact JSON to write in a fenced block that tools can read back (readHandshakeBlock).
 */
export function renderBrief(context: BriefContext): string {
  const { goal, task, layout, codeDir } = context;
  const list = (items: string[] | undefined, format: (item: string) => string) =>
    items?.length ? items.map((item) => `- ${format(item)}`).join('\n') : '- (none given)';
  return `# ${task.id}: ${task.title || task.id}

## Goal
${goal}

## Task
${task.description || task.title || task.id}

## Expected files to touch
${list(task.expected_files, (file) => `\`${file}\``)}

## Verification
${list(task.verify, (command) => `\`${command}\``)}

## Done criteria
${list(task.done_criteria, (criterion) => criterion)}

## Notes
- Workspace root: \`${codeDir}\`
- You have write access to \`${codeDir}\` and \`${layout.runDir}\`.
- Safety: do **not** run \`killall\`/\`pkill\` or kill \`codex\`/terminal processes by name. If you must stop a subprocess you started, kill only that exact PID.

${renderHandshakeBlock(handshakeTarget(context))}`;
}

/** The prompt on the agent's stdin: short, pointing at the brief (the Python kit's wording). */
export function renderPrompt({ task, layout, runId, handshake }: Omit<BriefContext, 'goal' | 'codeDir'>): string {
  const steps =
    handshake === 'results-json'
      ? [`2) When finished, write a JSON summary to: ${layout.resultsPath(task.id)}`, `3) Include run_id=${runId}`]
      : [`2) When finished, write a JSON summary to: ${layout.resultsPath(task.id)}`, `3) Then create the done marker file: ${layout.donePath(task.id)}`];
  return [`You are a code agent executing ${task.id}.`, `1) Read and follow the instructions in: ${layout.briefPath(task.id)}`, ...steps, 'Do not skip steps 2-3.', ''].join('\n');
}
