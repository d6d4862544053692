import { printJson, untilStopped, UsageError, type CliIo } from '@planwright/cli-kit';
import { serveHttp } from '../transports/http.js';

/** `planwright mcp --http <port>`: serves, prints the URL and the token, and serves until SIGINT/SIGTERM. */
export async function runHttp(options: { repo: string; runRoot?: string; port: number; json?: boolean }, io: CliIo, signal?: AbortSignal): Promise<number> {
  if (!Number.isInteger(options.port) || options.port < 0 || options.port > 65_535) {
    throw new UsageError(`--http${Number.isNaN(options.port) ? '' : ` ${options.port}`}: not a port`, { hint: 'use 1-65535, or 0 for a free one' });
  }
  const http = await serveHttp(options);
  if (options.json) printJson(io, { url: http.url, port: http.port, token: http.token });
  else io.out(`planwright mcp: ${http.url}\ntoken: ${http.token}\n(send "Authorization: Bearer <token>"; Ctrl-C ends it)`);
  await untilStopped(signal);
  await http.close();
  return 0;
}
