import type { HttpServerHandle, RecordedRequest } from './http-server.js';

/** Answers one request: gets the request and its index among the scripted requests (0-based). */
export type ScriptFunction<Reply> = (request: RecordedRequest, index: number) => Reply | Promise<Reply>;

/**
 * What a scripted server answers: a list consumed in order (each entry a reply, or a function that makes
 * it), or one function that answers every request.
 */
export type Script<Reply> = Array<Reply | ScriptFunction<Reply>> | ScriptFunction<Reply>;

/** Plays a script, one reply per request; `undefined` when a list has run out. */
export class ScriptPlayer<Reply> {
  private script: Script<Reply> = [];
  private index = 0;

  constructor(script?: Script<Reply>) {
    if (script) this.set(script);
  }

  /** Replaces the script and starts it from its first reply (retries consume replies: reset per test). */
  set(script: Script<Reply>): void {
    this.script = script;
    this.index = 0;
  }

  async next(request: RecordedRequest): Promise<Reply | undefined> {
    const index = this.index++;
    if (typeof this.script === 'function') return this.script(request, index);
    const entry = this.script[index];
    if (entry === undefined) return undefined;
    return typeof entry === 'function' ? (entry as ScriptFunction<Reply>)(request, index) : entry;
  }
}

/** A scripted model server, as the tests hold it. */
export interface ScriptedServer<Reply> {
  /** What the CLI takes as its base URL (codex: `http://127.0.0.1:<port>/v1`; gemini, claude: the origin). */
  url: string;
  /** Every request received, `body` parsed. */
  requests: RecordedRequest[];
  /** What the server could not answer (the script ran out, a script function threw). */
  errors: string[];
  /** Replaces the script and starts it from the beginning. */
  setScript(script: Script<Reply>): void;
  /** Stops listening and ends open connections. */
  close(): Promise<void>;
}

export function scriptedServer<Reply>(http: HttpServerHandle, player: ScriptPlayer<Reply>, url = http.origin): ScriptedServer<Reply> {
  return { url, requests: http.requests, errors: http.errors, setScript: (script) => player.set(script), close: () => http.close() };
}
