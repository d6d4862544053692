// Apart from check-environment.ts, so the checks it gathers (mcp-clients-check.ts) can name the type
// without importing the module that imports them.

/** One line of `planwright check`. */
export interface CheckItem {
  name: string;
  /** `ok`, `missing` (needed and absent: exit 1), or `note` (absent but not needed now). */
  state: 'ok' | 'missing' | 'note';
  detail: string;
}
