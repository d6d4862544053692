import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { prStatus } from '@planwright/run-store';
import type { ServerContext } from '../server/context.js';
import { prPaths } from '../server/context.js';
import { defineTool } from '../server/define-tool.js';
import { prInput, statusDoc } from './shapes.js';

/** `status`: the document of `planwright status --json`. */
export function registerStatusTool(server: McpServer, context: ServerContext): void {
  defineTool(server, context, {
    name: 'status',
    title: 'Where a PR stands',
    description: 'Where a PR stands: task counts, runnable and blocked tasks (with reasons), agent/time/tokens per task, the latest run. Same document as `planwright status --json`.',
    input: { pr: prInput },
    output: statusDoc,
    readOnly: true,
    run: async ({ pr }, call) => {
      const paths = await prPaths(call.context, pr);
      return { ...(await prStatus({ plan: paths.file, cwd: call.context.repo, runRoot: call.context.runRoot })) };
    },
  });
}
