import type { Outcome } from './run-both.js';

/**
 * A rule where planwright is stricter than OpenSpec on purpose: the only kind of disagreement the
 * differential suite lets through. docs/openspec-differences.md has one row per entry.
 */
export interface DeliberateDifference {
  id: string;
  /** What the rule is about. */
  rule: string;
  /** What OpenSpec does. */
  openspec: string;
  /** Our diagnostic codes that carry the rule (errors). */
  codes: readonly string[];
  /** True when this rule explains why the two outcomes differ. */
  explains(ours: Outcome, theirs: Outcome): boolean;
}

const errorsOf = (outcome: Outcome) => outcome.findings.filter((found) => found.startsWith('error ')).map((found) => found.slice(6));
const onlyCodes = (outcome: Outcome, codes: readonly string[]) => {
  const errors = errorsOf(outcome);
  return errors.length > 0 && errors.every((code) => codes.includes(code));
};

const MERGE_REFUSALS = ['DELTA_TARGET_MISSING', 'RENAME_TARGET_EXISTS', 'REQ_ALREADY_EXISTS', 'SPEC_STRUCTURE', 'SPEC_REBUILT_INVALID', 'REQ_NO_SCENARIO', 'REQ_NO_TEXT'];
const UNREAD = ['DELTA_FILE_UNREAD'];

/** Every deliberate difference from OpenSpec 1.13 that touches delta files, specs and archives. */
export const DELIBERATE_DIFFERENCES: readonly DeliberateDifference[] = [
  {
    id: 'archive-refusal-fails-validate',
    rule: 'a delta that archive would refuse to merge: MODIFIED, REMOVED (spelled differently) or RENAMED of a requirement the main spec lacks, a RENAMED onto a name it has, an ADDED it has with other text, a main spec archive cannot write into, a spec left without requirements or with a requirement that has no scenario',
    openspec: '`validate` passes (an INFO line says archive would refuse the delta, or nothing: the rebuilt spec is checked only by archive); `archive` refuses',
    codes: MERGE_REFUSALS,
    // Only a validate verdict may differ, and only where OpenSpec's own archive refuses too.
    explains: (ours, theirs) => !ours.valid && theirs.valid && !ours.archived && !theirs.archived && onlyCodes(ours, MERGE_REFUSALS),
  },
  {
    id: 'unread-markdown-under-specs',
    rule: 'a `.md` file under the change\'s `specs/` that is not a capability\'s `spec.md` and has no delta header',
    openspec: 'ignored by `validate` and `archive` (only such files with a delta header are an error)',
    codes: UNREAD,
    explains: (ours, theirs) => !ours.valid && !ours.archived && onlyCodes(ours, UNREAD) && (theirs.valid || theirs.archived),
  },
  {
    id: 'loose-or-nameless-entries',
    rule: 'a FROM/TO line archive would not read (`- FROM: Login` without `### Requirement:`), or a `### Requirement:` header with no name, in a delta section',
    openspec: 'skips the line (an INFO at most), so the rename or requirement silently does not happen',
    codes: ['RENAME_MALFORMED', 'REQ_EMPTY_NAME'],
    explains: (ours, theirs) => !ours.valid && !ours.archived && onlyCodes(ours, ['RENAME_MALFORMED', 'REQ_EMPTY_NAME']) && (theirs.valid || theirs.archived),
  },
];

/** Why the outcomes disagree, as one line, or undefined when they agree or a deliberate difference explains it. */
export function unexplainedDisagreement(ours: Outcome, theirs: Outcome): string | undefined {
  const sameSpecs = JSON.stringify(ours.specs) === JSON.stringify(theirs.specs);
  if (ours.valid === theirs.valid && ours.archived === theirs.archived && sameSpecs) return undefined;
  if (ours.archived === theirs.archived && sameSpecs && DELIBERATE_DIFFERENCES.some((rule) => rule.explains(ours, theirs))) return undefined;
  if (!ours.archived && theirs.archived && DELIBERATE_DIFFERENCES.some((rule) => rule.id !== 'archive-refusal-fails-validate' && rule.explains(ours, theirs))) return undefined;
  const what = [
    ours.valid === theirs.valid ? '' : `validate: planwright ${ours.valid ? 'valid' : 'invalid'}, openspec ${theirs.valid ? 'valid' : 'invalid'}`,
    ours.archived === theirs.archived ? '' : `archive: planwright ${ours.archived ? 'archived' : 'refused'}, openspec ${theirs.archived ? 'archived' : 'refused'}`,
    sameSpecs ? '' : 'openspec/specs/ differs after archive',
  ].filter(Boolean);
  return `${what.join('; ')}\n  planwright: ${ours.findings.join(' | ') || 'no findings'}\n  openspec: ${theirs.findings.join(' | ') || 'no issues'}`;
}
