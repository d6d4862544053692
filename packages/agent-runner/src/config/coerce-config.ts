// The kit handed orchestrator.toml's values to argparse as defaults, and argparse converts a string
// default with the flag's type: `timeout_minutes = "30"` worked, and so did `compact_run = 1`. planwright
// takes the same spellings; anything else still fails with the file and the key.

const TRUE = new Set(['true', 'yes', 'on', '1']);
const FALSE = new Set(['false', 'no', 'off', '0']);

/**
 * The config's values in the types the schema wants, where the kit accepted another spelling: a number
 * written as a string, a boolean written as 0/1 or "true"/"false". Values it cannot convert are left as
 * they are, for the schema to report.
 */
export function coerceConfigValues(data: unknown, keys: { booleans: readonly string[]; numbers: readonly string[] }): unknown {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return data;
  const record = { ...(data as Record<string, unknown>) };
  for (const key of keys.booleans) {
    if (key in record) record[key] = toBoolean(record[key]);
  }
  for (const key of keys.numbers) {
    if (key in record) record[key] = toNumber(record[key]);
  }
  return record;
}

function toBoolean(value: unknown): unknown {
  if (value === 0 || value === 1) return value === 1;
  if (typeof value !== 'string') return value;
  const word = value.trim().toLowerCase();
  if (TRUE.has(word)) return true;
  if (FALSE.has(word)) return false;
  return value;
}

function toNumber(value: unknown): unknown {
  if (typeof value !== 'string' || value.trim() === '') return value;
  const number = Number(value.trim());
  return Number.isFinite(number) ? number : value;
}
