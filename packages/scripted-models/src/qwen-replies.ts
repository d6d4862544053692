import { randomBytes } from 'node:crypto';

/** Token counts of one Chat Completions reply (`usage`). */
export interface QwenUsage {
  prompt_tokens: number;
  completion_tokens: number;
}

/** A tool call of an assistant message: the tool's name and its arguments (sent JSON-encoded). */
export interface QwenToolCall {
  id: string;
  name: string;
  arguments: Record<string, unknown>;
}

export type QwenReply =
  | { kind: 'message'; content?: string; toolCalls: QwenToolCall[]; usage?: Partial<QwenUsage> }
  | { kind: 'error'; status: number; message: string };

export interface QwenReplyOptions {
  usage?: Partial<QwenUsage>;
}

const ERROR_TYPES: Record<number, string> = {
  400: 'invalid_request_error', 401: 'invalid_request_error', 403: 'permission_denied', 404: 'not_found',
  429: 'rate_limit_exceeded', 500: 'server_error', 503: 'service_unavailable',
};

const callId = () => `call_${randomBytes(8).toString('hex')}`;

/** Builders for the replies of a scripted Chat Completions server (see `startQwenServer`). */
export const qwenReply = {
  /** The assistant's text: with no tool call, the turn ends. */
  text(text: string, options: QwenReplyOptions = {}): QwenReply {
    return { kind: 'message', content: text, toolCalls: [], ...(options.usage && { usage: options.usage }) };
  },
  /** Qwen Code runs its tool `name` (`write_file`, `run_shell_command`, `read_file`...) with `args`. */
  toolCall(name: string, args: Record<string, unknown>, options: QwenReplyOptions = {}): QwenReply {
    return qwenReply.toolCalls([{ name, arguments: args }], options);
  },
  /** Several tool calls in one assistant message (run in order). */
  toolCalls(calls: Array<Omit<QwenToolCall, 'id'>>, options: QwenReplyOptions = {}): QwenReply {
    return { kind: 'message', toolCalls: calls.map((call) => ({ id: callId(), ...call })), ...(options.usage && { usage: options.usage }) };
  },
  /** An HTTP error with the OpenAI error body `{"error":{"message","type","code"}}`. */
  error(status: number, message: string): QwenReply {
    return { kind: 'error', status, message };
  },
};

export function qwenErrorBody(status: number, message: string): unknown {
  return { error: { message, type: ERROR_TYPES[status] ?? 'api_error', code: String(status) } };
}
