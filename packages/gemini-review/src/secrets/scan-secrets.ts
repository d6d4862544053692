/** A likely secret: where it is and what it looks like. The secret itself is never kept or shown. */
export interface SecretFinding {
  file: string;
  /** 1-based. */
  line: number;
  kind: string;
}

interface Match {
  kind: string;
  line: number;
  start: number;
  end: number;
}

// Shapes of credentials that are unlikely to be anything else. Order matters where shapes overlap
// (sk-ant- before sk-): a later match inside an earlier one is dropped.
const TOKEN_PATTERNS: [string, RegExp][] = [
  ['AWS access key id', /\b(?:AKIA|ASIA)[0-9A-Z]{16}\b/g],
  ['GitHub token', /\b(?:gh[pousr]_[A-Za-z0-9]{36,}|github_pat_[A-Za-z0-9_]{22,})/g],
  ['Anthropic API key', /\bsk-ant-[A-Za-z0-9_-]{20,}/g],
  ['OpenAI-style API key', /\bsk-[A-Za-z0-9_-]{20,}/g],
  ['Google API key', /\bAIza[0-9A-Za-z_-]{35}/g],
  ['Slack token', /\bxox[abposr]-[A-Za-z0-9-]{10,}/g],
  ['Stripe key', /\b[rs]k_(?:live|test)_[A-Za-z0-9]{16,}/g],
  ['JSON Web Token', /\beyJ[A-Za-z0-9_-]{10,}\.eyJ[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]{10,}/g],
];

// `.env`-style lines: an upper-case name ending in KEY/TOKEN/SECRET/PASSWORD, then = or :, then a value.
const ASSIGNMENT = /^(\s*(?:[-*]\s+)?(?:export\s+)?["']?([A-Z][A-Z0-9_]*(?:KEY|TOKEN|SECRET|PASSWORD|PASSWD|PWD))["']?\s*[=:]\s*)(["']?)([^\s"'#,;]+)/;
// Values that only stand for a secret: references, templates, obvious dummies, short test values.
const PLACEHOLDER =
  /^(?:\[redacted.*|\$\{?\w+\}?|<[^>]*>?|\{\{.*|%\w+%|x+|\*+|\.{2,}|…|(?:process\.env|os\.environ|env\b|getenv|your|my|example|sample|placeholder|change_?me|dummy|redacted|fake|none|null|undefined|todo|secret|password|token|key)\b.*)$/i;
const BEGIN_KEY = /-----BEGIN [A-Z0-9 ]*PRIVATE KEY(?: BLOCK)?-----/;
const END_KEY = /-----END [A-Z0-9 ]*PRIVATE KEY(?: BLOCK)?-----/;

function scan(text: string): Match[] {
  const matches: Match[] = [];
  const lines = text.split('\n');
  let offset = 0;
  let keyBlock: Match | undefined;
  lines.forEach((line, index) => {
    const lineEnd = offset + line.length;
    if (keyBlock) {
      keyBlock.end = lineEnd;
      if (END_KEY.test(line)) keyBlock = undefined;
    } else if (BEGIN_KEY.test(line)) {
      keyBlock = { kind: 'private key block', line: index + 1, start: offset + line.search(BEGIN_KEY), end: lineEnd };
      matches.push(keyBlock);
      if (END_KEY.test(line.slice(line.search(BEGIN_KEY) + 10))) keyBlock = undefined;
    } else {
      matches.push(...lineMatches(line, index + 1, offset));
    }
    offset = lineEnd + 1;
  });
  return matches;
}

function lineMatches(line: string, lineNumber: number, offset: number): Match[] {
  const found: Match[] = [];
  const overlaps = (start: number, end: number) => found.some((m) => start < m.end && end > m.start);
  for (const [kind, pattern] of TOKEN_PATTERNS) {
    for (const hit of line.matchAll(pattern)) {
      const start = offset + hit.index;
      const end = start + hit[0].length;
      if (!overlaps(start, end)) found.push({ kind, line: lineNumber, start, end });
    }
  }
  const assignment = ASSIGNMENT.exec(line);
  const value = assignment?.[4];
  if (assignment && value && value.length >= 6 && !PLACEHOLDER.test(value)) {
    const start = offset + assignment[1]!.length + assignment[3]!.length;
    const end = start + value.length;
    if (!overlaps(start, end)) found.push({ kind: `.env-style assignment of ${assignment[2]}`, line: lineNumber, start, end });
  }
  return found.sort((a, b) => a.start - b.start);
}

/**
 * Likely secrets in one file of the bundle: private key blocks, common API key and token shapes, and
 * `.env`-style assignments of a KEY/TOKEN/SECRET/PASSWORD with a real-looking value.
 *
 * @example
 * findSecrets('.env.example', 'API_KEY=sk-live-...'); // [{ file: '.env.example', line: 1, kind: '...' }]
 */
export function findSecrets(file: string, text: string): SecretFinding[] {
  return scan(text).map(({ kind, line }) => ({ file, line, kind }));
}

/** Replaces every likely secret with `[REDACTED]` (a whole private key block with one marker). */
export function redactSecrets(text: string): { text: string; count: number } {
  const matches = scan(text);
  let out = '';
  let at = 0;
  for (const match of matches) {
    out += text.slice(at, match.start) + (match.kind === 'private key block' ? '[REDACTED PRIVATE KEY]' : '[REDACTED]');
    at = match.end;
  }
  return { text: out + text.slice(at), count: matches.length };
}
