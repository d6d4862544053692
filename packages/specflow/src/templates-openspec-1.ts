// The files OpenSpec 1.x writes (`openspec init`, `openspec new change` and its spec-driven schema's
// proposal template), so a repository planwright sets up reads to OpenSpec exactly as its own.

/** `openspec/config.yaml` as `openspec init` writes it: the schema, and the optional keys commented. */
export function openspecConfigTemplate(): string {
  return `schema: spec-driven

# Project context (optional)
# This is shown to AI when creating artifacts.
# Add your tech stack, conventions, style guides, domain knowledge, etc.
# Example:
#   context: |
#     Tech stack: TypeScript, React, Node.js
#     We use conventional commits
#     Domain: e-commerce platform

# Per-artifact rules (optional)
# Add custom rules for specific artifacts.
# Example:
#   rules:
#     proposal:
#       - Keep proposals under 500 words
#       - Always include a "Non-goals" section
#     tasks:
#       - Break tasks into chunks of max 2 hours

# Per-operation guidance (optional)
# Add advisory guidance for how apply and archive work should be conducted.
# This is separate from artifact rules above.
# Example:
#   operations:
#     apply:
#       guidance:
#         - Keep test summaries concise
#     archive:
#       guidance:
#         - Summarize the archive outcome before finishing
`;
}

/**
 * proposal.md in OpenSpec 1.x's shape (Why, What Changes, Capabilities, Impact): `openspec show`
 * requires Why and What Changes, and `plan` takes the goal from the Why section.
 */
export function proposalTemplateOpenspec1(change: string): string {
  return `# Proposal: ${change}

## Why

Describe the problem or opportunity in one or two sentences: what does this change solve, and why now?

## What Changes

- Describe what will change; mark breaking changes with **BREAKING**.

## Capabilities

### New Capabilities
- \`<capability>\`: what the new capability covers (each becomes specs/<capability>/spec.md)

### Modified Capabilities
- \`<capability>\`: an existing capability whose requirements change (each needs a delta spec)

## Impact

- Affected code, APIs, dependencies, systems.
`;
}
