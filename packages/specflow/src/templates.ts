// The files the Python kit writes, kept as they were so existing projects and habits carry over; only
// project.md's "Architecture constraints" heading lost the kit's "(invariants)", to match the issue.

/** `openspec/project.md`, written by `init`. */
export function projectTemplate(): string {
  return `# Project Context

## Overview
Describe what this project is, who uses it, and what “done” looks like.

## Tech stack
- Language(s):
- Framework(s):
- Build/test commands:

## Conventions
- Code style:
- Folder structure:
- Naming:

## Architecture constraints
- (Example) No circular deps between packages A and B.
- (Example) All DB access goes through <module>.

## Verification
- Unit tests:
- Integration/E2E:
`;
}

/** `openspec/changes/<change>/proposal.md`, written by `proposal`. */
export function proposalTemplate(change: string): string {
  return `# Change Proposal: ${change}

## Summary
What is the feature/change?

## Motivation
Why are we doing this now?

## Scope
### In scope
- ...

### Out of scope
- ...

## Acceptance criteria
- ...

## Risks
- ...
`;
}

/** `openspec/changes/<change>/tasks.md`, written by `proposal`. */
export function tasksTemplate(): string {
  return `# Tasks

## 1. Implementation
- [ ] 1.1 First small step
- [ ] 1.2 Second small step

## 2. Verification
- [ ] 2.1 Add/adjust tests (if applicable)
- [ ] 2.2 Run build/tests and fix issues
`;
}

/** `openspec/changes/<change>/design.md`, written by `proposal`. */
export function designTemplate(): string {
  return `# Design Notes

## Decisions
- ...

## Alternatives considered
- ...
`;
}
