/**
 * What the reviewer is asked, after the bundle (Gemini puts stdin before the `-p` prompt; the other CLIs
 * get the bundle and this prompt on stdin in the same order). The sections are the Python kit's.
 */
export const REVIEW_PROMPT = `You are reviewing the implementation plan options for a pull request before one of them is chosen.
The bundle above holds a header, then each file under "# FILE: <path>": the plan options, and the
context, research and extra files that go with them. You may read files in the repository to check a
claim, but change nothing: answer with the review only.

Write a concise markdown review with these sections:

## Summary
## Option A review
## Option B review
## Option C review
(one section per option the plan offers; in each: strengths, gaps, risks, missing tasks, verify
commands, recommendation)
## Recommended verification contract
(the commands and checks that must pass before the pull request is done)

Focus on correctness, testability and maintainability. Do not propose features outside the goal of
the pull request.`;

/** The stdin of a reviewer that takes its whole prompt there (codex, claude). */
export function promptWithBundle(bundle: string): string {
  return `${bundle}\n\n${REVIEW_PROMPT}\n`;
}
