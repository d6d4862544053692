import type { Task } from '@planwright/plan-schema';
import type { RunLayout } from '@planwright/run-store';
import type { Handshake } from './options.js';

export interface BriefContext {
  goal: string;
  task: Task;
  layout: RunLayout;
  codeDir: string;
  runId: string;
  handshake: Handshake;
}

/**
 * The task brief, tasks/<id>.md: everything the agent needs and nothing from the planner's chat. Same
 * sections as the Python kit's, plus the shape of the results file and the rule on killing processes.
 */
export function renderBrief({ goal, task, layout, codeDir, runId, handshake }: BriefContext): string {
  const list = (items: string[] | undefined, format: (item: string) => string) =>
    items?.length ? items.map((item) => `- ${format(item)}`).join('\n') : '- (none given)';
  const resultsPath = layout.resultsPath(task.id);
  const handshakeLines =
    handshake === 'results-json'
      ? [
          `- Write a JSON summary to: \`${resultsPath}\``,
          `- Include \`task_id\` matching \`${task.id}\` and \`run_id\` matching: \`${runId}\``,
          '- If the results file already exists, overwrite it. Write it last, when your work is saved.',
        ]
      : [`- Write a JSON summary to: \`${resultsPath}\``, `- Then create an empty done marker file: \`${layout.donePath(task.id)}\``];
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

## Orchestrator handshake (required)
${handshakeLines.join('\n')}
- Shape: \`{"task_id": "${task.id}", "run_id": "${runId}", "status": "completed", "summary": "...", "files_changed": ["..."], "notes": "..."}\`
- Use status \`partial\`, \`failed\` or \`blocked\` when you could not finish, and say why in \`notes\`.

## Notes
- Workspace root: \`${codeDir}\`
- You have write access to \`${codeDir}\` and \`${layout.runDir}\`.
- Orchestrator invocation run id: \`${runId}\`
- Safety: do **not** run \`killall\`/\`pkill\` or kill \`codex\`/terminal processes by name. If you must stop a subprocess you started, kill only that exact PID.
`;
}

/** The prompt on the agent's stdin: short, pointing at the brief (the Python kit's wording). */
export function renderPrompt({ task, layout, runId, handshake }: Omit<BriefContext, 'goal' | 'codeDir'>): string {
  const steps =
    handshake === 'results-json'
      ? [`2) When finished, write a JSON summary to: ${layout.resultsPath(task.id)}`, `3) Include run_id=${runId}`]
      : [`2) When finished, write a JSON summary to: ${layout.resultsPath(task.id)}`, `3) Then create the done marker file: ${layout.donePath(task.id)}`];
  return [`You are a code agent executing ${task.id}.`, `1) Read and follow the instructions in: ${layout.briefPath(task.id)}`, ...steps, 'Do not skip steps 2-3.', ''].join('\n');
}
