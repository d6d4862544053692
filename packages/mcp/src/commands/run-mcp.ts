import { stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { UsageError, type CliIo } from '@planwright/cli-kit';
import { serveStdio } from '../transports/stdio.js';

export interface McpArgs {
  repo: string;
  runRoot?: string;
  http?: number;
}

/** `planwright mcp`: checks the flags, then serves on stdio, or on HTTP with `--http`, until ended. */
export async function runMcp(args: McpArgs, io: CliIo, signal?: AbortSignal): Promise<number> {
  const repo = resolve(args.repo);
  const info = await stat(repo).catch(() => undefined);
  if (!info?.isDirectory()) throw new UsageError(`--repo ${args.repo}: not a folder`, { hint: 'start the server in, or point --repo at, the repository' });
  if (args.http === undefined) {
    await serveStdio({ repo, runRoot: args.runRoot, signal });
    return 0;
  }
  const { runHttp } = await import('./run-http.js');
  return runHttp({ repo, runRoot: args.runRoot, port: args.http }, io, signal);
}
