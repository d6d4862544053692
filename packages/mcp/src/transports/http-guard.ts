import type { IncomingMessage } from 'node:http';
import { timingSafeEqual } from 'node:crypto';

/** Why a request is refused (status and one line), or undefined when it may go on. */
export interface Refusal {
  status: 401 | 403;
  message: string;
}

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

/**
 * The HTTP transport's gate: the request must come from a loopback address, name a loopback host (so a
 * web page cannot reach the server through DNS rebinding), carry no foreign Origin, and present the
 * bearer token. The token is compared in constant time.
 */
export function refuseRequest(request: IncomingMessage, token: string): Refusal | undefined {
  const remote = request.socket.remoteAddress ?? '';
  if (!(remote === '127.0.0.1' || remote === '::1' || remote === '::ffff:127.0.0.1')) return { status: 403, message: `requests from ${remote} are refused: loopback only` };
  const host = hostName(request.headers.host);
  if (!host || !LOOPBACK_HOSTS.has(host)) return { status: 403, message: `Host ${JSON.stringify(request.headers.host ?? '')} refused: use 127.0.0.1` };
  const origin = request.headers.origin;
  if (origin !== undefined && !isLoopbackOrigin(origin)) return { status: 403, message: `Origin ${origin} refused: loopback only` };
  const given = /^Bearer\s+(\S+)$/i.exec(request.headers.authorization ?? '')?.[1];
  if (!given) return { status: 401, message: 'missing bearer token: send "Authorization: Bearer <token>" with the token the server printed' };
  const a = Buffer.from(token);
  const b = Buffer.from(given);
  if (a.length !== b.length || !timingSafeEqual(a, b)) return { status: 403, message: 'wrong bearer token' };
  return undefined;
}

function hostName(header: string | undefined): string | undefined {
  if (!header) return undefined;
  return header.startsWith('[') ? header.slice(0, header.indexOf(']') + 1) : header.split(':')[0];
}

function isLoopbackOrigin(origin: string): boolean {
  try {
    const host = new URL(origin).hostname;
    return LOOPBACK_HOSTS.has(host) || host === '[::1]';
  } catch {
    return false;
  }
}
