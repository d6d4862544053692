import { tempDir, writeFiles } from '@planwright/test-utils';
import { describe, expect, it } from 'vitest';
import { formatDiagnostic } from '../diagnostics.js';
import { validateChange } from '../validate.js';
import { run } from '../../test/fixture-repo.js';

const MAIN = `# auth Specification

## Purpose
Sign-in.

## Requirements
### Requirement: Login
The system SHALL let a user sign in.

#### Scenario: Success
- **WHEN** the password is right
- **THEN** a session starts

#### Scenario: Failure
- **WHEN** the password is wrong
- **THEN** an error is shown
`;
const scenario = '\n#### Scenario: s\n- **WHEN** a\n- **THEN** b\n';
const LOGOUT = `### Requirement: Logout\nThe system SHALL end the session.\n${scenario}`;
const LOGIN = `### Requirement: Login\nThe system SHALL let a user sign in with a password.\n\n#### Scenario: Success\n- **WHEN** the password is right\n- **THEN** a session starts\n`;
const DELTA = 'openspec/changes/c/specs/auth/spec.md';

/** The findings of `validate c` for one delta over MAIN, one line each. */
async function findings(delta: string, main = MAIN): Promise<string[]> {
  const repo = await tempDir();
  await writeFiles(repo, {
    'openspec/project.md': '# Project\n',
    'openspec/specs/auth/spec.md': main,
    'openspec/changes/c/proposal.md': '# C\n',
    'openspec/changes/c/tasks.md': '- [ ] 1.1 Do it\n',
    [DELTA]: delta,
  });
  return (await validateChange({ repo, change: 'c' })).diagnostics.map(formatDiagnostic);
}

// The list of delta rules, each with its message pinned.
describe('delta spec rules', () => {
  it.each([
    [
      'no requirement under any delta header (an empty one beside others is fine, as in OpenSpec)',
      '## ADDED Requirements\n\n## MODIFIED Requirements\n',
      `${DELTA}:1: DELTA_NO_REQUIREMENTS: "## ADDED Requirements", "## MODIFIED Requirements": no "### Requirement:" or FROM/TO pair under any of them (add a "### Requirement: <name>" under it, or a FROM/TO pair under RENAMED, or delete the header)`,
    ],
    [
      'no delta header at all',
      '# Delta for auth\n\nLogout ends the session.\n',
      `${DELTA}:1: DELTA_NO_SECTIONS: no "## ADDED|MODIFIED|REMOVED|RENAMED Requirements" section (add a section such as "## ADDED Requirements" with a "### Requirement: <name>" under it)`,
    ],
    [
      'a requirement with no text',
      `## ADDED Requirements\n### Requirement: Logout\n${scenario}`,
      `${DELTA}:2: REQ_NO_TEXT "Logout": the requirement has no text before its scenarios (state it under the header: "The system SHALL ...")`,
    ],
    [
      'a requirement with no scenario',
      '## ADDED Requirements\n### Requirement: Logout\nThe system SHALL end the session.\n',
      `${DELTA}:2: REQ_NO_SCENARIO "Logout": a requirement needs at least one "#### Scenario:" (add a scenario with WHEN/THEN)`,
    ],
    [
      'a duplicate in a section',
      `## ADDED Requirements\n${LOGOUT}\n${LOGOUT}`,
      `${DELTA}:9: REQ_DUPLICATE "Logout": named twice under "## ADDED Requirements" (also line 2) (keep one of them: a section names each requirement once)`,
    ],
    [
      'one requirement in two sections',
      `## MODIFIED Requirements\n${LOGIN}\n#### Scenario: Failure\n- **WHEN** wrong\n- **THEN** error\n\n## REMOVED Requirements\n### Requirement: Login\n`,
      `${DELTA}:14: REQ_IN_TWO_SECTIONS "Login": under "## MODIFIED Requirements" and "## REMOVED Requirements" (keep it in one section; after a RENAMED, only MODIFIED may use the new name)`,
    ],
    [
      'MODIFIED of a requirement the current spec lacks',
      `## MODIFIED Requirements\n${LOGOUT}`,
      `${DELTA}:2: DELTA_TARGET_MISSING "Logout": MODIFIED: openspec/specs/auth/spec.md has no such requirement (use the exact name from the spec, or ADDED for a new requirement)`,
    ],
    [
      'REMOVED of a requirement spelled differently (case or spacing) in the current spec',
      '## REMOVED Requirements\n### Requirement: login\n',
      `${DELTA}:2: DELTA_TARGET_MISSING "login": REMOVED: not found, but "### Requirement: Login" is in openspec/specs/auth/spec.md: use that exact name (use the exact name from the spec, or ADDED for a new requirement)`,
    ],
    [
      'MODIFIED dropping scenarios the current spec has',
      `## MODIFIED Requirements\n${LOGIN}`,
      `${DELTA}:2: SCENARIO_DROPPED "Login": MODIFIED drops scenario "Failure" of openspec/specs/auth/spec.md (MODIFIED replaces the whole requirement: copy in every scenario to keep; to drop one on purpose, edit the main spec)`,
    ],
    [
      'text without SHALL or MUST (a warning)',
      `## ADDED Requirements\n### Requirement: Logout\nUsers can log out.\n${scenario}`,
      `${DELTA}:2: warning REQ_NO_SHALL "Logout": the requirement text has no SHALL or MUST (state it as "The system SHALL ..." or "... MUST ...")`,
    ],
  ])('%s', async (_rule, delta, line) => {
    expect(await findings(delta)).toEqual([line]);
  });

  it('lets through what OpenSpec archives as already synced: REMOVED of a requirement already gone, ADDED of one already there word for word', async () => {
    expect(await findings('## REMOVED Requirements\n### Requirement: Logout\n')).toEqual([]);
    const login = MAIN.slice(MAIN.indexOf('### Requirement: Login'));
    expect(await findings(`## ADDED Requirements\n${login}`)).toEqual([]);
    expect(await findings(`## REMOVED Requirements\n- \`### Requirement: Login\`\n\n## ADDED Requirements\n${LOGOUT}`)).toEqual([]);
  });

  it('lets MODIFIED use the new name of a RENAMED, and nothing else use either name twice', async () => {
    const renamed = '## RENAMED Requirements\n- FROM: `### Requirement: Login`\n- TO: `### Requirement: Sign In`\n';
    const modified = LOGIN.replace('Login', 'Sign In') + '\n#### Scenario: Failure\n- **WHEN** wrong\n- **THEN** error\n';
    expect(await findings(`${renamed}\n## MODIFIED Requirements\n${modified}`)).toEqual([]);
    expect(await findings(`${renamed}\n## ADDED Requirements\n${LOGOUT.replace('Logout', 'Sign In')}`)).toContain(
      `${DELTA}:6: REQ_IN_TWO_SECTIONS "Sign In": ADDED uses the new name of a RENAMED (line 2) (keep it in one section; after a RENAMED, only MODIFIED may use the new name)`,
    );
  });

  it('checks the rebuilt spec again: what it keeps of the current spec must pass too, and archive refuses it', async () => {
    const main = `${MAIN}\n### Requirement: Remember Me\nThe system SHALL keep the session.\n`;
    const delta = `## ADDED Requirements\n${LOGOUT}`;
    const line = 'openspec/specs/auth/spec.md:19: REQ_NO_SCENARIO "Remember Me": after the merge it has no "#### Scenario:" with steps under it (add a scenario with WHEN/THEN)';
    expect(await findings(delta, main)).toEqual([line]);
    const repo = await tempDir();
    await writeFiles(repo, {
      'openspec/specs/auth/spec.md': main,
      'openspec/changes/c/proposal.md': '# C\n',
      'openspec/changes/c/tasks.md': '- [x] 1.1 Do it\n',
      [DELTA]: delta,
    });
    const archived = await run(['archive', 'c', '--repo', repo], repo);
    expect(archived).toEqual({
      code: 1,
      stdout: '',
      stderr: `${line}\nspecflow: archive c: 1 problem in the spec deltas; nothing was changed (fix them, then archive again; "specflow validate c" lists them too)\n`,
    });
  });
});
