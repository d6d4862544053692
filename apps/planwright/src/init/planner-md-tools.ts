/**
 * The section of `.plans/PLANNER.md` for a planner that has planwright mounted as an MCP server
 * (`planwright init --mcp codex|claude|gemini`): which tool does each step of the loop, so the planner
 * calls tools instead of spawning a CLI per step and parsing its output.
 */
export function plannerToolsSection(): string {
  return `## With the planwright MCP tools

When your agent CLI has the \`planwright\` MCP server (\`planwright init --mcp codex|claude|gemini\`), call
its tools instead of running the commands: each answers with the same JSON document as the command's
\`--json\`, and a bad argument is refused with the command's one-line error, changing nothing.

| step | tools | how | instead of |
| --- | --- | --- | --- |
| where things stand | \`status\`, \`next\`, \`show_task\`, \`run_status\` | read only | \`planwright status\`, \`next\` |
| spec first | \`list_changes\`, \`show_change\`, \`validate_change\`, \`create_plan_from_change\` | the change's tasks.md becomes plan.json | \`planwright list\`, \`show\`, \`validate\`, \`plan\` |
| write the plan | \`add_tasks\`, \`update_task\`, \`validate_plan\` | \`add_tasks\` with \`goal\` creates a new PR's plan | editing plan.json by hand |
| research, review | \`research\`, \`review\` | they run agents | \`planwright research\`, \`review\` |
| delegate | \`start_run\`, \`wait_run\` | \`start_run\` runs agents and returns the run id at once; \`wait_run\` again while \`active\` is true | \`planwright run\` |
| verdicts | \`verify_task\`, \`mark_verified\` | \`verify_task\` runs the verify commands; \`mark_verified\` is your own verdict | \`planwright verify\`, \`mark-verified\` |
| when stuck | \`doctor\`, \`sync\`, \`stop_run\` | \`stop_run\`: no further task | \`planwright doctor\`, \`sync\`, \`stop\` |

A planning session, goal to verified tasks: \`status\` -> \`add_tasks\` -> \`start_run\` -> \`wait_run\` (again
while the run is active; each answer lists the tasks finished, blocked and verified since the last one)
-> check each finished task -> \`mark_verified\` (or \`verify_task\`) -> \`status\`. Log each verdict in MASTER.md
as with the commands. The plan files are also resources (\`plan.json\`, \`MASTER.md\`, \`CONTEXT.md\`, the
latest run's summary, each task's log tail).
`;
}
