import { isFence, splitLines } from '../layout/read-text.js';
import { backtickedSpans } from '../tasks/task-line.js';

/**
 * The verify commands a project declares in `openspec/project.md`: backticked commands in its
 * `## Verification` section and on its `Build/test commands:` line. The kit's template has none, so a
 * fresh project declares nothing until someone writes them down.
 *
 * @example
 * verifyFromProject('## Verification\n- Unit tests: `pnpm test`\n') // ['pnpm test']
 */
export function verifyFromProject(projectMd: string): string[] {
  const commands: string[] = [];
  let inVerification = false;
  let inFence = false;
  for (const line of splitLines(projectMd)) {
    if (isFence(line)) inFence = !inFence;
    const heading = inFence ? null : /^#{1,6}\s+(.*)$/.exec(line);
    if (heading) inVerification = /verification/i.test(heading[1]!);
    else if (inVerification || /build\s*\/\s*test commands\s*:/i.test(line)) {
      for (const command of backtickedSpans(line)) if (!commands.includes(command)) commands.push(command);
    }
  }
  return commands;
}
