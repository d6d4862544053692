import { StdioServerTransport } from '@modelcontextprotocol/sdk/server/stdio.js';
import { createPlanwrightServer, type PlanwrightServerOptions } from '../server/create-server.js';

/**
 * Serves the planwright MCP server on this process's stdin and stdout (the way agent CLIs start MCP
 * servers) until the client closes stdin. Nothing else may write to stdout meanwhile.
 *
 * @example
 * await serveStdio({ repo: '.' });
 */
export async function serveStdio(options: PlanwrightServerOptions & { signal?: AbortSignal } = {}): Promise<void> {
  const planwright = createPlanwrightServer(options);
  const transport = new StdioServerTransport();
  const closed = new Promise<void>((resolve) => {
    transport.onclose = resolve;
    process.stdin.once('end', resolve);
    options.signal?.addEventListener('abort', () => resolve(), { once: true });
  });
  await planwright.server.connect(transport);
  await closed;
  await planwright.close();
}
