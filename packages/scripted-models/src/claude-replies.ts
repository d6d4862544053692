import { randomBytes } from 'node:crypto';

/** Token counts of one Messages API reply. */
export interface ClaudeUsage {
  input_tokens: number;
  output_tokens: number;
}

export type ClaudeBlock =
  | { type: 'text'; text: string }
  | { type: 'tool_use'; id: string; name: string; input: Record<string, unknown> };

export type ClaudeReply =
  | { kind: 'message'; content: ClaudeBlock[]; usage?: Partial<ClaudeUsage> }
  | { kind: 'error'; status: number; message: string };

export interface ClaudeReplyOptions {
  usage?: Partial<ClaudeUsage>;
}

const ERROR_TYPES: Record<number, string> = {
  400: 'invalid_request_error', 401: 'authentication_error', 403: 'permission_error', 404: 'not_found_error',
  413: 'request_too_large', 429: 'rate_limit_error', 500: 'api_error', 529: 'overloaded_error',
};

/** Builders for the replies of a scripted Messages API server (see `startClaudeServer`). */
export const claudeReply = {
  /** An assistant message made of these content blocks. */
  message(content: ClaudeBlock[], options: ClaudeReplyOptions = {}): ClaudeReply {
    return { kind: 'message', content, ...(options.usage && { usage: options.usage }) };
  },
  /** The assistant's text: with no tool use, the turn ends. */
  text(text: string, options: ClaudeReplyOptions = {}): ClaudeReply {
    return claudeReply.message([{ type: 'text', text }], options);
  },
  /** Claude Code runs its tool `name` (`Write`, `Bash`, `Edit`, ...) with `input`. */
  toolUse(name: string, input: Record<string, unknown>, options: ClaudeReplyOptions = {}): ClaudeReply {
    return claudeReply.message([{ type: 'tool_use', id: `toolu_${randomBytes(8).toString('hex')}`, name, input }], options);
  },
  /** An HTTP error with the Anthropic error body `{"type":"error","error":{"type","message"}}`. */
  error(status: number, message: string): ClaudeReply {
    return { kind: 'error', status, message };
  },
};

export function claudeErrorBody(status: number, message: string): unknown {
  return { type: 'error', error: { type: ERROR_TYPES[status] ?? 'api_error', message } };
}
