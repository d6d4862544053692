/** What the text of one checkbox line says, besides its title. */
export interface TaskLineParts {
  /** The line's number (`1.1`, OpenSpec style) or id (`T001`, spec-kit style). */
  ref?: string;
  style: 'openspec' | 'spec-kit' | 'plain';
  /** spec-kit `[P]`: does not wait for the task before it in its phase. */
  parallel: boolean;
  /** spec-kit user story label, such as `US1`. */
  story?: string;
  /** References from a `(depends on 1.1, 1.2)` or `(after T001)` clause. */
  dependsOn: string[];
  /** Backticked tokens that look like file paths. */
  paths: string[];
  /** The text without the dependency clause and the spec-kit markers. */
  title: string;
}

const SPEC_KIT_ID = /^(T\d{3,})\b/;
// `1.1`, `2.3.1`, or a single number only with its dot (`1.`), so that `3 retries` is no number.
const OPENSPEC_NUMBER = /^(?:(\d+(?:\.\d+)+)\.?|(\d+)\.)(?=\s)/;
const DEPENDENCY_CLAUSE = /\(\s*(?:depends on|depends|after|needs)\s*:?\s*([^)]*)\)/gi;
const SPEC_KIT_MARKER = /\[(P|US\d+)\]/g;

/** Splits the text after `- [ ]` into its parts. */
export function parseTaskLine(body: string): TaskLineParts {
  const specKit = SPEC_KIT_ID.exec(body);
  const numbered = specKit ? null : OPENSPEC_NUMBER.exec(body);
  const parts: TaskLineParts = {
    style: specKit ? 'spec-kit' : numbered ? 'openspec' : 'plain',
    parallel: false,
    dependsOn: [],
    paths: backtickedPaths(body),
    title: body,
  };
  const ref = specKit?.[1] ?? numbered?.[1] ?? numbered?.[2];
  if (ref !== undefined) parts.ref = ref;
  let title = body.replace(DEPENDENCY_CLAUSE, (_clause, refs: string) => {
    parts.dependsOn.push(...splitRefs(refs));
    return '';
  });
  if (specKit) {
    title = title.replace(SPEC_KIT_MARKER, (_marker, label: string) => {
      if (label === 'P') parts.parallel = true;
      else parts.story = label;
      return '';
    });
  }
  parts.title = title === body ? body : title.replace(/\s{2,}/g, ' ').trim();
  return parts;
}

/** `1.1, 1.2 and T003` -> the references, backticks removed. */
export function splitRefs(text: string): string[] {
  return text
    .replace(/`/g, '')
    .split(/\s*,\s*|\s+and\s+|\s+/)
    .map((ref) => ref.trim())
    .filter(Boolean);
}

/** Backticked spans: commands in `Verify:` lines, paths elsewhere. */
export function backtickedSpans(text: string): string[] {
  return [...text.matchAll(/`([^`]+)`/g)].map((match) => match[1]!.trim()).filter(Boolean);
}

/** Backticked tokens that look like paths: one word with a "/" or a file extension, not a URL. */
export function backtickedPaths(text: string): string[] {
  return backtickedSpans(text).filter(looksLikePath);
}

export function looksLikePath(token: string): boolean {
  if (/\s|:\/\/|[()=<>;|&$]/.test(token) || token.startsWith('-')) return false;
  return token.includes('/') || /\.[A-Za-z][A-Za-z0-9]{0,9}$/.test(token);
}
