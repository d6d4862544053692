import type { DetectedVerify } from './detect-verify.js';

export interface ContextInput {
  pr: string;
  change: string;
  /** The repository's verify commands (detectVerify) and where they came from. */
  verify: Pick<DetectedVerify, 'commands' | 'from'>;
  /** Tasks whose verify is still the failing placeholder. */
  placeholders: string[];
  /** The conventions file (default `openspec/project.md`); null: none (an OpenSpec 1.x repository without one). */
  conventions?: string | null;
  /** `context:` of OpenSpec 1.x's `openspec/config.yaml`, quoted into the pack. */
  projectContext?: string;
}

/**
 * `.plans/<PR>/CONTEXT.md`, the architect context pack: the kit's sections, the verify commands already
 * known, and, when some tasks have none, a line saying that verify must be filled before they can pass.
 */
export function contextMarkdown(input: ContextInput): string {
  const base = `openspec/changes/${input.change}`;
  const sources = [
    ...(input.conventions === null ? [] : [`- Project conventions: \`${input.conventions ?? 'openspec/project.md'}\``]),
    ...(input.projectContext === undefined
      ? []
      : [
          '- Project context (`openspec/config.yaml`, `context:`):',
          ...input.projectContext.split('\n').map((line) => `  > ${line}`.trimEnd()),
        ]),
  ];
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
${sources.length > 0 ? `${sources.join('\n')}\n` : ''}- Approved proposal: \`${base}/proposal.md\`
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
