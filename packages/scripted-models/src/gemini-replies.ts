/** Token counts of one Gemini reply (`usageMetadata`). */
export interface GeminiUsage {
  promptTokenCount: number;
  candidatesTokenCount: number;
  totalTokenCount: number;
}

/** A part of a Gemini `content`: `{ text }`, `{ functionCall: { name, args } }`, ... */
export type GeminiPart = Record<string, unknown>;

export type GeminiReply =
  | { kind: 'content'; parts: GeminiPart[]; usage?: Partial<GeminiUsage> }
  | { kind: 'error'; status: number; message: string };

export interface GeminiReplyOptions {
  usage?: Partial<GeminiUsage>;
}

const STATUS_NAMES: Record<number, string> = {
  400: 'INVALID_ARGUMENT', 401: 'UNAUTHENTICATED', 403: 'PERMISSION_DENIED', 404: 'NOT_FOUND',
  429: 'RESOURCE_EXHAUSTED', 500: 'INTERNAL', 503: 'UNAVAILABLE',
};

/** Builders for the replies of a scripted Gemini API server (see `startGeminiServer`). */
export const geminiReply = {
  /** A model turn made of these parts. */
  parts(parts: GeminiPart[], options: GeminiReplyOptions = {}): GeminiReply {
    return { kind: 'content', parts, ...(options.usage && { usage: options.usage }) };
  },
  /** The model's text: with no function call, the turn ends. */
  text(text: string, options: GeminiReplyOptions = {}): GeminiReply {
    return geminiReply.parts([{ text }], options);
  },
  /** Gemini CLI runs its tool `name` (`write_file`, `run_shell_command`, ...) with `args`. */
  functionCall(name: string, args: Record<string, unknown>, options: GeminiReplyOptions = {}): GeminiReply {
    return geminiReply.parts([{ functionCall: { name, args } }], options);
  },
  /** An HTTP error with the Google API error body `{"error":{"code","message","status"}}`. */
  error(status: number, message: string): GeminiReply {
    return { kind: 'error', status, message };
  },
};

export function geminiErrorBody(status: number, message: string): unknown {
  return { error: { code: status, message, status: STATUS_NAMES[status] ?? 'UNKNOWN' } };
}
