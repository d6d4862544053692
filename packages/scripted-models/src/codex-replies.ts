import { randomBytes } from 'node:crypto';

/** Token counts of one Responses API reply (codex adds them up per turn and over a thread). */
export interface CodexUsage {
  input_tokens: number;
  cached_input_tokens: number;
  output_tokens: number;
  reasoning_output_tokens: number;
}

/** An output item of the Responses API: `function_call`, `custom_tool_call`, `message`, ... */
export type CodexItem = Record<string, unknown> & { type: string };

export type CodexReply =
  | { kind: 'response'; items: CodexItem[]; usage?: Partial<CodexUsage> }
  | { kind: 'error'; status: number; message: string };

export interface CodexReplyOptions {
  /** Token counts of this reply; the server's defaults fill the rest. */
  usage?: Partial<CodexUsage>;
}

const shortId = (prefix: string) => `${prefix}_${randomBytes(6).toString('hex')}`;

/** Builders for the replies of a scripted Responses API server (see `startCodexServer`). */
export const codexReply = {
  /** A reply with these output items. */
  response(items: CodexItem[], options: CodexReplyOptions = {}): CodexReply {
    return { kind: 'response', items, ...(options.usage && { usage: options.usage }) };
  },
  /** Codex runs `cmd` with its `exec_command` tool (in its working folder, inside its sandbox). */
  exec(cmd: string, options: CodexReplyOptions & { workdir?: string } = {}): CodexReply {
    const args = { cmd, ...(options.workdir && { workdir: options.workdir }) };
    return codexReply.response([{ type: 'function_call', id: shortId('fc'), call_id: shortId('call'), name: 'exec_command', arguments: JSON.stringify(args) }], options);
  },
  /** Codex applies `patchText` (`*** Begin Patch ... *** End Patch`) with its `apply_patch` tool. */
  patch(patchText: string, options: CodexReplyOptions = {}): CodexReply {
    return codexReply.response([{ type: 'custom_tool_call', id: shortId('ctc'), call_id: shortId('call'), name: 'apply_patch', input: patchText }], options);
  },
  /** The assistant's message: with no tool call in it, the turn ends. */
  message(text: string, options: CodexReplyOptions = {}): CodexReply {
    return codexReply.response([{ type: 'message', role: 'assistant', id: shortId('msg'), content: [{ type: 'output_text', text }] }], options);
  },
  /** An HTTP error with the OpenAI error body `{"error":{"message"}}`. */
  error(status: number, message: string): CodexReply {
    return { kind: 'error', status, message };
  },
};
