import type { IncomingMessage, ServerResponse } from 'node:http';
import { isPlanwrightError } from '@planwright/cli-kit';

/** Sends a JSON body with a status. */
export function sendJson(response: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  response.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
  response.end(text);
}

/** Sends text (a page asset, a file) with its type. */
export function sendText(response: ServerResponse, status: number, type: string, body: string | Buffer): void {
  response.writeHead(status, { 'content-type': type, 'cache-control': 'no-store', 'x-content-type-options': 'nosniff' });
  response.end(body);
}

/** A failed library call as JSON: planwright's typed errors keep their message and hint (400), others 500. */
export function sendError(response: ServerResponse, error: unknown): void {
  if (isPlanwrightError(error)) sendJson(response, error.exitCode === 2 ? 400 : 500, { error: error.message, hint: error.hint ?? null });
  else sendJson(response, 500, { error: (error as Error).message ?? String(error) });
}

/** The JSON body of a POST, at most 64 KB; an empty body is `{}`. */
export async function readJsonBody(request: IncomingMessage): Promise<Record<string, unknown>> {
  let text = '';
  for await (const chunk of request) {
    text += chunk;
    if (text.length > 65_536) throw new Error('request body over 64 KB');
  }
  if (!text.trim()) return {};
  const parsed: unknown = JSON.parse(text);
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) throw new Error('request body: expected a JSON object');
  return parsed as Record<string, unknown>;
}
