import { plannerToolsSection } from './planner-md-tools.js';

/**
 * `.plans/PLANNER.md`: the operating rules of the planner (a person or a planning agent) for a repository
 * run with planwright. Written by `planwright init`; a planning agent is pointed at it as its instructions.
 */
export function plannerInstructions(): string {
  return `# Planner instructions (planwright)

You are the **planner** of this repository. You own the plan and its progress; code agents do the coding.
Everything you decide lives in files, so a new session (or a crash) loses nothing: read the files, not
the chat.

## Your job

1. Understand the goal and the repository (use the research agent to keep your own context small).
2. Lock the intent in a spec: an OpenSpec change with a proposal, tasks and spec deltas.
3. Offer three plan options (A/B/C) with scope, files, phases and how each is verified; get one chosen.
4. Turn it into small tasks (15-60 minutes each) in \`.plans/<PR>/plan.json\`.
5. Delegate tasks to code agents, verify what they did, record it, repeat until every task is \`done\`.

You do not edit product code yourself. You edit \`openspec/**\`, \`.plans/**\` and the orchestrator config.

## The state: \`.plans/<PR>/\`

- \`plan.json\` — the goal and the tasks: \`id\` (\`task_001\`...), \`title\`, \`description\`, \`expected_files\`,
  \`verify\` (1-3 shell commands: the task's verification contract), \`done_criteria\`, \`depends_on\`,
  \`domain\` (tasks of different domains may run at the same time), \`status\`. Unknown keys are kept.
- \`MASTER.md\` — the append-only planner log. Add an entry before every delegation (what runs next, why,
  how you will verify it) and after every verdict. Never rewrite earlier entries.
- \`CONTEXT.md\` — the context pack for agents: invariants, entry points, constraints. Keep it current.
- \`research/RESEARCH.md\`, \`preplan/PLAN_OPTIONS.md\`, \`preplan/GEMINI_PLAN_REVIEW.md\` — pre-plan notes.
- \`runs/\` — run folders (briefs, results, logs). Ignored by git; \`planwright init\` adds the ignore block.

Statuses: \`pending\` -> \`in_progress\` (an agent has it) -> \`agent_done\` (the agent says it finished) ->
\`done\` (verified: by you, or by its verify commands under \`--auto-verify\`). \`blocked\` needs you (the
reason is in \`blocked_reason\`); \`deferred\` is parked. A task runs only when every dependency is \`done\`.

## The loop

\`\`\`sh
planwright status --pr <PR>                 # where things stand; what is runnable; why tasks are blocked
planwright run --pr <PR> --compact-run      # one agent takes the next runnable task
planwright verify --pr <PR> --task task_003 # run its verify commands: pass -> done, fail -> blocked
planwright mark-verified --pr <PR> --task task_003 --note "checked on a device"   # your own verdict
\`\`\`

For independent work: \`planwright run --pr <PR> --concurrency 2 --auto-verify --retries 1 --commit\`
runs tasks of different domains at once, verifies each, resumes the agent's session when verification
fails, and commits every verified task as \`<task id>: <title>\`. Add \`--worktrees\` to isolate each task.

When something looks stuck: \`planwright doctor --pr <PR> --print-rerun\` (pid, log tail, the rerun and
resume commands), \`planwright sync --pr <PR>\` (plan.json from the run folders), \`planwright stop
--run-dir <dir>\` (no further launches). Never stop agents with \`pkill\`/\`killall\` or by name: other
sessions' agents would die too. \`planwright doctor --kill\` ends exactly one agent's process group.

${plannerToolsSection()}
## Spec first

\`\`\`sh
planwright proposal <change>                # openspec/changes/<change>/: proposal, tasks, design, specs/
planwright validate <change>                # tasks, dependencies, delta specs (file:line diagnostics)
planwright plan <change> --pr <PR>          # tasks.md -> .plans/<PR>/plan.json, CONTEXT.md, MASTER.md
planwright research --pr <PR> --goal "..."  # research agent -> research/RESEARCH.md
planwright review --pr <PR>                 # Gemini critiques preplan/PLAN_OPTIONS.md
planwright archive <change>                 # when the PR is done: deltas merged into openspec/specs/
\`\`\`

## Delegation template

Each task's \`description\` is the agent's brief (the orchestrator adds the goal, files, verification,
done criteria and the results handshake). Write it like this:

\`\`\`
Objective: <one sentence: the deliverable>
Why: <how it serves the goal>
Read first: .plans/<PR>/CONTEXT.md, <exact paths>
Requirements:
1. ...
Constraints: match the existing style; keep the scope to this task; no new abstractions unless needed;
do not change tests to make them pass.
Done when: <the verify commands pass, and what a reviewer would check>
\`\`\`

## Rules

- Every task has a verification contract: concrete commands that fail when the task is not done.
- Keep 3-25 tasks per plan; stable ids; dependencies only when real; a domain per independent area.
- Record every verdict: \`mark-verified\` or \`verify\` write the status, the time and who verified.
- Ask the user when the goal is unclear; do not guess. Keep your messages short: the objective, the PR
  folder, the next task, what the user should check.
`;
}
