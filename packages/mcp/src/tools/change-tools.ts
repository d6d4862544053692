import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import * as z from 'zod';
import { TASK_ID_PATTERN } from '@planwright/plan-schema';
import { listChanges, planFromChange, showItem, validateItem } from '@planwright/specflow';
import { insideRepo } from '../server/inside-repo.js';
import type { ServerContext } from '../server/context.js';
import { defineTool } from '../server/define-tool.js';
import { doc } from './shapes.js';

// A change or spec name is a folder name under openspec/: a plain token, so no name can leave the repository.
const nameInput = z.string().regex(TASK_ID_PATTERN, 'a change or spec name is a folder name: letters, digits, "_", "." and "-"');
const typeInput = z.enum(['change', 'spec']).describe('Needed only when a change and a spec share the name').optional();

/** The OpenSpec tools: list, show and validate changes, and a change's tasks.md turned into a plan. */
export function registerChangeTools(server: McpServer, context: ServerContext): void {
  defineTool(server, context, {
    name: 'list_changes',
    title: 'The active changes',
    description: 'The active OpenSpec changes (openspec/changes/*) with task progress and the capabilities they touch. Same document as `planwright list --json`.',
    input: {},
    output: doc({ changes: z.array(z.looseObject({ name: z.string(), dir: z.string(), tasks: z.object({ done: z.number(), total: z.number() }) })) }),
    readOnly: true,
    run: async (_args, call) => ({ changes: await listChanges({ repo: call.context.repo, cwd: call.context.repo }) }),
  });

  defineTool(server, context, {
    name: 'show_change',
    title: 'One change or spec',
    description: "A change's tasks and spec deltas, or a spec's requirements. Same document as `planwright show <name> --json`.",
    input: { name: nameInput.describe('A change name or a capability'), type: typeInput },
    output: doc({ type: z.enum(['change', 'spec']) }),
    readOnly: true,
    run: async ({ name, type }, call) => showItem({ repo: call.context.repo, cwd: call.context.repo, name, type }),
  });

  defineTool(server, context, {
    name: 'validate_change',
    title: 'Check a change or spec',
    description: 'Validate one change (proposal, tasks, spec deltas) or spec as OpenSpec does: { valid, errors, warnings, diagnostics }. Same document as `planwright validate <name> --json`.',
    input: { name: nameInput.describe('A change name or a spec id'), type: typeInput, strict: z.boolean().describe('Warnings fail too').optional() },
    output: doc({ valid: z.boolean(), errors: z.number(), warnings: z.number(), diagnostics: z.array(z.looseObject({})) }),
    readOnly: true,
    run: async ({ name, type, strict }, call) => (await validateItem({ repo: call.context.repo, cwd: call.context.repo, name, type, strict })).report,
  });

  defineTool(server, context, {
    name: 'create_plan_from_change',
    title: 'Plan a change',
    description:
      "Turn a change's tasks.md into .plans/<pr>/plan.json, CONTEXT.md and a MASTER.md entry (planwright plan). Refuses to replace an existing plan unless force. " +
      'Same document as `planwright plan <change> --json`.',
    input: {
      change: nameInput.describe('The change (openspec/changes/<change>)'),
      pr: nameInput.describe('PR name (default: the change)').optional(),
      force: z.boolean().describe('Replace an existing plan.json and CONTEXT.md').optional(),
      verify_overrides: z.string().describe('A verify-overrides JSON file in the repository').optional(),
    },
    output: doc({ change: z.string(), pr: z.string(), planFile: z.string(), tasks: z.number() }),
    run: async ({ change, pr, force, verify_overrides }, call) => {
      const repo = call.context.repo;
      const verifyOverrides = verify_overrides === undefined ? undefined : await insideRepo(repo, verify_overrides, 'verify_overrides');
      const { plan, ...files } = await planFromChange({ repo, cwd: repo, change, pr, force, verifyOverrides });
      return { ...files, tasks: plan.tasks.length };
    },
  });
}
