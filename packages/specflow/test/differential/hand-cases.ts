import type { RepoCase } from './run-both.js';

const PURPOSE = '## Purpose\nWhat the capability is for, in a sentence long enough for strict validation.\n';
const scenario = (name = 'Works') => `#### Scenario: ${name}\n- **WHEN** it is used\n- **THEN** it works\n`;
const requirement = (name: string, text = `The system SHALL ${name.toLowerCase()}.`, scenarios = [scenario()]) =>
  `### Requirement: ${name}\n${text}\n\n${scenarios.join('\n')}`;
const spec = (title: string, ...requirements: string[]) => `# ${title} Specification\n\n${PURPOSE}\n## Requirements\n${requirements.join('\n')}`;
const AUTH = spec('auth', requirement('Login'), requirement('Logout'), requirement('Session Timeout'));
const crlf = (text: string) => text.replace(/\n/g, '\r\n');

/** A hand-written case for one bullet of the issue, with what both tools must do with it. */
export interface HandCase {
  title: string;
  repo: RepoCase;
  /** Whether both tools archive it (false: both refuse, or planwright refuses on a deliberate difference). */
  archived: boolean;
}

const one = (name: string, specs: Record<string, string>, change: Record<string, string>): RepoCase => ({ name, specs, change });

/** One case per bullet of the archive, never-lose-a-delta and delta-rule items. */
export const HAND_CASES: HandCase[] = [
  {
    title: 'a CRLF main spec stays CRLF',
    repo: one('crlf', { auth: crlf(AUTH) }, { 'specs/auth/spec.md': crlf(`## MODIFIED Requirements\n${requirement('Logout', 'The system SHALL log out everywhere.')}`) }),
    archived: true,
  },
  {
    title: 'fenced code blocks that contain headers are text, in the spec and in the delta',
    repo: one(
      'fences',
      { auth: spec('auth', requirement('Login', 'The system SHALL show:\n\n```md\n## Requirements\n### Requirement: Not One\n```\n'), requirement('Logout')) },
      { 'specs/auth/spec.md': `## ADDED Requirements\n${requirement('Docs', 'The system SHALL print:\n\n~~~\n## REMOVED Requirements\n### Requirement: Login\n\n\n~~~\n')}` },
    ),
    archived: true,
  },
  {
    title: 'RENAMED and MODIFIED of the new name in one change keep the requirement in place',
    repo: one('rename-modify', { auth: AUTH }, {
      'specs/auth/spec.md': `## RENAMED Requirements\n- FROM: \`### Requirement: Login\`\n- TO: \`### Requirement: Sign In\`\n\n## MODIFIED Requirements\n${requirement('Sign In', 'The system MUST sign users in.')}`,
    }),
    archived: true,
  },
  {
    title: 'a new capability takes the Purpose its delta carries (and strict validate does not warn about it)',
    repo: one('new-capability', { auth: AUTH }, {
      'specs/billing/spec.md': `## Purpose\nBilling: invoices and receipts for every paying customer of the service.\n\n## ADDED Requirements\n${requirement('Invoices')}`,
    }),
    archived: true,
  },
  {
    title: 'nested capability folders are read, new and existing',
    repo: one('nested', { 'platform/auth': AUTH }, {
      'specs/platform/auth/spec.md': `## ADDED Requirements\n${requirement('Passkeys')}`,
      'specs/platform/billing/spec.md': `## ADDED Requirements\n${requirement('Invoices')}`,
    }),
    archived: true,
  },
  {
    title: 'requirement order and blank lines: modified in place, added at the end, notes after the section kept',
    repo: one('order', { auth: `# auth Specification\n\n\n${PURPOSE}\n\n## Requirements\n\nIntro text.\n${requirement('Login')}${requirement('Logout')}\n\n\n${requirement('Session Timeout')}\n## Notes\n\nKept.\n` }, {
      'specs/auth/spec.md': `## ADDED Requirements\n${requirement('Audit')}\n## MODIFIED Requirements\n${requirement('Logout', 'The system SHALL log out.\n\n\nEverywhere.')}`,
    }),
    archived: true,
  },
  {
    title: 'MODIFIED of a requirement the spec lacks: both refuse to archive, nothing changes',
    repo: one('modify-missing', { auth: AUTH }, { 'specs/auth/spec.md': `## MODIFIED Requirements\n${requirement('Magic Link')}` }),
    archived: false,
  },
  {
    title: 'a requirement outside "## Requirements" in the main spec: both refuse to write into it',
    repo: one('outside', { auth: `# auth Specification\n\n${PURPOSE}\n${requirement('Stray')}\n## Requirements\n${requirement('Login')}` }, {
      'specs/auth/spec.md': `## ADDED Requirements\n${requirement('Logout')}`,
    }),
    archived: false,
  },
  {
    title: 'specs/spec.md at the root is an error, as in OpenSpec',
    repo: one('root-spec', { auth: AUTH }, { 'specs/spec.md': `## ADDED Requirements\n${requirement('Lost')}` }),
    archived: false,
  },
  {
    title: 'a note beside the deltas is never left unread: planwright refuses (a deliberate difference)',
    repo: one('unread-note', { auth: AUTH }, {
      'specs/auth/spec.md': `## ADDED Requirements\n${requirement('Audit')}`,
      'specs/auth/notes.md': 'Requirements we talked about.\n',
    }),
    archived: false,
  },
  {
    title: 'REMOVED written as a bullet list',
    repo: one('removed-bullets', { auth: AUTH }, { 'specs/auth/spec.md': '## REMOVED Requirements\n- `### Requirement: Logout`\n* `### Requirement: Session Timeout`\n' }),
    archived: true,
  },
  {
    title: 'an ADDED already in the spec word for word archives as already synced, the file untouched',
    repo: one('already-added', { auth: crlf(AUTH) }, { 'specs/auth/spec.md': `## ADDED Requirements\n${requirement('Logout')}` }),
    archived: true,
  },
  {
    title: 'an ADDED already in the spec with other text is refused by both',
    repo: one('added-differs', { auth: AUTH }, { 'specs/auth/spec.md': `## ADDED Requirements\n${requirement('Logout', 'The system SHALL log out at once.')}` }),
    archived: false,
  },
  {
    title: 'REMOVED in a new spec beside an ADDED is ignored',
    repo: one('removed-new', {}, { 'specs/search/spec.md': `## REMOVED Requirements\n### Requirement: Old Search\n\n## ADDED Requirements\n${requirement('Search')}` }),
    archived: true,
  },
  {
    title: 'idempotency: a change archived once more (every operation already synced) leaves the CRLF spec untouched',
    repo: one('synced-again', { auth: crlf(spec('auth', requirement('Sign In'), requirement('Logout', 'The system SHALL log out everywhere.'))) }, {
      'specs/auth/spec.md': `## RENAMED Requirements\n- FROM: \`### Requirement: Login\`\n- TO: \`### Requirement: Sign In\`\n\n## MODIFIED Requirements\n${requirement('Logout', 'The system SHALL log out everywhere.')}\n## REMOVED Requirements\n### Requirement: Session Timeout\n`,
    }),
    archived: true,
  },
  {
    title: 'REMOVED alone in a new spec: OpenSpec refuses to archive (the spec would have no requirement), and so does planwright',
    repo: one('removed-only-new', { auth: AUTH }, { 'specs/search/spec.md': '## REMOVED Requirements\n### Requirement: Old Search\n' }),
    archived: false,
  },
  {
    title: 'REMOVED of a requirement already gone archives as already removed',
    repo: one('removed-gone', { auth: AUTH }, { 'specs/auth/spec.md': `## REMOVED Requirements\n### Requirement: Remember Me\n\n## ADDED Requirements\n${requirement('Audit')}` }),
    archived: true,
  },
  {
    title: 'a change without deltas fails validate but is archived, nothing merged (OpenSpec archives it too)',
    repo: one('no-deltas', { auth: AUTH }, { 'proposal.md': '## Why\nOnly tooling changes here.\n', 'tasks.md': '- [x] 1.1 Done\n- [ ] 1.2 Not yet\n' }),
    archived: true,
  },
];
