import { unwatchFile, watchFile, type Stats } from 'node:fs';
import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { SubscribeRequestSchema, UnsubscribeRequestSchema } from '@modelcontextprotocol/sdk/types.js';

/**
 * resources/subscribe for the plan files: each subscribed URI's file is watched (stat polling, which
 * also sees the atomic rename every planwright writer does), and a change sends
 * notifications/resources/updated. `fileOf` maps a URI to its file (or throws for one it does not serve).
 */
export function servePlanSubscriptions(server: McpServer, fileOf: (uri: string) => Promise<string>, intervalMs = 250): { close(): void } {
  const watched = new Map<string, { file: string; listener: (current: Stats, previous: Stats) => void }>();
  const stop = (uri: string) => {
    const entry = watched.get(uri);
    if (!entry) return;
    unwatchFile(entry.file, entry.listener);
    watched.delete(uri);
  };
  server.server.setRequestHandler(SubscribeRequestSchema, async (request) => {
    const { uri } = request.params;
    if (watched.has(uri)) return {};
    const file = await fileOf(uri);
    const listener = (current: Stats, previous: Stats) => {
      if (current.mtimeMs === previous.mtimeMs && current.size === previous.size && current.ino === previous.ino) return;
      void server.server.sendResourceUpdated({ uri }).catch(() => undefined);
    };
    watchFile(file, { interval: intervalMs, persistent: false }, listener);
    watched.set(uri, { file, listener });
    return {};
  });
  server.server.setRequestHandler(UnsubscribeRequestSchema, async (request) => {
    stop(request.params.uri);
    return {};
  });
  return { close: () => [...watched.keys()].forEach(stop) };
}
