import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import type { RequestHandlerExtra } from '@modelcontextprotocol/sdk/shared/protocol.js';
import type { CallToolResult, ServerNotification, ServerRequest } from '@modelcontextprotocol/sdk/types.js';
import { captureIo, renderError } from '@planwright/cli-kit';
import type * as z from 'zod';
import type { ServerContext } from './context.js';

/** What a tool's handler gets besides its arguments: the server's context, cancellation, progress. */
export interface ToolCall {
  context: ServerContext;
  /** Aborted when the client cancels this call (or the connection closes). */
  signal: AbortSignal;
  /** Sends a progress notification, when the client asked for them (a progress token); else nothing. */
  progress(progress: number, message: string, total?: number): Promise<void>;
}

/** One tool: its name, what it does (saying so when it runs agents or shell commands), its schemas, its work. */
export interface ToolSpec<I extends z.ZodRawShape, O extends z.ZodType<Record<string, unknown>>> {
  name: string;
  title: string;
  description: string;
  input: I;
  output: O;
  readOnly?: boolean;
  /** The document; the SDK checks it against `output` before it leaves (interfaces need no index signature here). */
  run(args: z.infer<z.ZodObject<I>>, call: ToolCall): Promise<object>;
}

/**
 * Registers a tool whose structured output is its document (the matching CLI command's `--json`), also sent
 * as JSON text for clients that read only text. A failure is a tool error carrying the CLI's one line
 * (`planwright: <what> (<hint>)`), never a crash of the server.
 */
export function defineTool<I extends z.ZodRawShape, O extends z.ZodType<Record<string, unknown>>>(
  server: McpServer,
  context: ServerContext,
  spec: ToolSpec<I, O>,
): void {
  server.registerTool(
    spec.name,
    {
      title: spec.title,
      description: spec.description,
      inputSchema: spec.input,
      outputSchema: spec.output,
      annotations: { readOnlyHint: spec.readOnly === true, openWorldHint: false },
    },
    (async (args: z.infer<z.ZodObject<I>>, extra: RequestHandlerExtra<ServerRequest, ServerNotification>): Promise<CallToolResult> => {
      try {
        const document = await spec.run(args, { context, signal: extra.signal, progress: progressSender(extra) });
        return { content: [{ type: 'text', text: JSON.stringify(document, null, 2) }], structuredContent: document as Record<string, unknown> };
      } catch (error) {
        return { content: [{ type: 'text', text: errorLine(error) }], isError: true };
      }
    }) as never,
  );
}

/** The line the CLI would print on stderr for this error. */
export function errorLine(error: unknown): string {
  const io = captureIo();
  renderError(error, io, 'planwright');
  // Unexpected errors: the first line of their stack is their message, and a client needs no stack.
  return io.stderr.split('\n')[0]!.trim();
}

function progressSender(extra: RequestHandlerExtra<ServerRequest, ServerNotification>): ToolCall['progress'] {
  const token = extra._meta?.progressToken;
  return async (progress, message, total) => {
    if (token === undefined) return;
    await extra
      .sendNotification({ method: 'notifications/progress', params: { progressToken: token, progress, message, ...(total === undefined ? {} : { total }) } })
      .catch(() => undefined);
  };
}
