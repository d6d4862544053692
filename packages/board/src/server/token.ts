import { randomBytes, timingSafeEqual } from 'node:crypto';

/** A fresh random token for the board's URL (128 bits, URL-safe). */
export function newToken(): string {
  return randomBytes(16).toString('base64url');
}

/**
 * Checks a request's token: 401 when it has none, 403 when it is wrong. Compared in constant time, so
 * the token cannot be guessed byte by byte from response times.
 */
export function checkToken(expected: string, given: string | null): 200 | 401 | 403 {
  if (!given) return 401;
  const a = Buffer.from(expected);
  const b = Buffer.from(given);
  return a.length === b.length && timingSafeEqual(a, b) ? 200 : 403;
}
