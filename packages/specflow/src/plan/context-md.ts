import type { DetectedVerify } from './detect-verify.js';

export interface ContextInput {
  pr: string;
  change: string;
  /** The repository's verify commands (detectVerify) and where they came from. */
  verify: Pick<DetectedVerify, 'commands' | 'from'>;
  /** Tasks whose verify is still the failing placeholder. */
  placeholders: string[];
}

/**
 * `.plans/<PR>/CONTEXT.md`, the architect context pack: the kit's sections, the verify commands already
 * known, and, when some tasks have none, a line saying that verify must be filled before they can pass.
 */
export function contextMarkdown(input: ContextInput): string {
  const base = `openspec/changes/${input.change}`;
  const known = input.verify.commands.map((command) => `- \`${command}\` (from ${input.verify.from})`);
  const verification = known.length > 0 ? known : ['- ...'];
  if (input.placeholders.length > 0) {
    verification.push(
      `- verify must be filled for ${input.placeholders.join(', ')}: plan.json holds a placeholder that fails on ` +
        'purpose; replace it with 1-3 concrete commands before delegating or running with --auto-verify.',
    );
  }
  return `# Architect Context Pack (${input.pr})

## Source of truth
- Project conventions: \`openspec/project.md\`
- Approved proposal: \`${base}/proposal.md\`
- Task list: \`${base}/tasks.md\`
- Design notes (optional): \`${base}/design.md\`
- Spec deltas (optional): \`${base}/specs/\`

## Invariants (fill in)
- ...

## Entrypoints (fill in)
- ...

## Verification commands (fill in)
${verification.join('\n')}
`;
}
