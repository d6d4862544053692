import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { registerResources } from '../resources/register-resources.js';
import { registerAgentTools } from '../tools/agent-tools.js';
import { registerChangeTools } from '../tools/change-tools.js';
import { registerReadTools } from '../tools/read-tools.js';
import { registerRunInfoTools } from '../tools/run-info-tools.js';
import { registerPlanEditTools } from '../tools/plan-edit-tools.js';
import { registerRunTools } from '../tools/run-tools.js';
import { registerStatusTool } from '../tools/status-tools.js';
import { registerVerdictTools } from '../tools/verdict-tools.js';
import { serverContext } from './context.js';
import { packageVersion } from '@planwright/cli-kit';

export interface PlanwrightServerOptions {
  /** The repository the server acts in; every path it touches is inside it (default `process.cwd()`). */
  repo?: string;
  /** Runs in `<runRoot>/<PR>/` (default each PR's `<plan dir>/runs`), as `planwright run --run-root`. */
  runRoot?: string;
  /** The environment of the runs, agents and verify commands it starts (default `process.env`). */
  env?: NodeJS.ProcessEnv;
}

/** A server of one repository and what it holds open (plan watchers), ended by `close`. */
export interface PlanwrightServer {
  server: McpServer;
  repo: string;
  close(): Promise<void>;
}

/**
 * The planwright MCP server of one repository: one tool per workflow step, each a call into the library
 * function of the matching CLI command, and the plan files as resources. Connect it to a transport
 * (`serveStdio`, `serveHttp`, or any of the SDK's).
 *
 * @example
 * const { server } = createPlanwrightServer({ repo: '.' });
 * await server.connect(new StdioServerTransport());
 */
export function createPlanwrightServer(options: PlanwrightServerOptions = {}): PlanwrightServer {
  const context = serverContext({ repo: options.repo ?? process.cwd(), runRoot: options.runRoot, env: options.env });
  const server = new McpServer(
    { name: 'planwright', version: packageVersion(import.meta.url, '@planwright/mcp') },
    {
      capabilities: { tools: {}, resources: { subscribe: true, listChanged: true } },
      instructions:
        'planwright: the plan of each PR is .plans/<pr>/plan.json. Call status first; add_tasks/update_task to plan; ' +
        'start_run then wait_run until the tasks you started are finished or blocked; verify_task or your own checks; mark_verified.',
    },
  );
  // Reading, planning, running: the order of the workflow, which is the order clients list them in.
  registerStatusTool(server, context);
  registerReadTools(server, context);
  registerRunInfoTools(server, context);
  registerChangeTools(server, context);
  registerPlanEditTools(server, context);
  registerAgentTools(server, context);
  registerRunTools(server, context);
  registerVerdictTools(server, context);
  const resources = registerResources(server, context);
  return {
    server,
    repo: context.repo,
    close: async () => {
      resources.close();
      await server.close();
    },
  };
}
