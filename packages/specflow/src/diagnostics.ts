/**
 * How bad a finding is: errors fail `validate` and block `archive`; warnings fail only with `--strict`;
 * `info` is advice that OpenSpec does not give, which never fails a change.
 */
export type Severity = 'error' | 'warning' | 'info';

/** Every rule of `validate`, with its severity and the fix printed after each finding. */
export const DIAGNOSTIC_RULES = {
  CHANGE_NO_PROPOSAL: [
    'error',
    'create it; "specflow proposal <change>" writes the missing files and keeps the others',
  ],
  CHANGE_NO_TASKS: ['error', 'create it; "specflow proposal <change>" writes the missing files and keeps the others'],
  TASKS_EMPTY: ['error', 'add checkbox lines such as "- [ ] 1.1 First step"'],
  TASK_DUPLICATE_REF: ['error', 'give every task its own number'],
  TASK_UNKNOWN_DEPENDENCY: [
    'error',
    'name a task of this file by its number such as 1.1, spec-kit id such as T001, or plan id such as task_001',
  ],
  TASK_DEPENDENCY_CYCLE: ['error', 'remove one of these dependencies'],
  PROPOSAL_NO_TITLE: ['warning', 'start proposal.md with "# <title>": the plan\'s goal is taken from it'],
  DELTA_NONE: [
    'warning',
    'add specs/<capability>/spec.md with "## ADDED Requirements", or leave it: deltas are optional',
  ],
  DELTA_NO_SECTIONS: [
    'error',
    'add a section such as "## ADDED Requirements" with a "### Requirement: <name>" under it',
  ],
  DELTA_NO_REQUIREMENTS: [
    'error',
    'add a "### Requirement: <name>" under it, or a FROM/TO pair under RENAMED, or delete the header',
  ],
  DELTA_UNKNOWN_SECTION: [
    'warning',
    'move it under "## ADDED|MODIFIED|REMOVED|RENAMED Requirements"; archive ignores other sections',
  ],
  DELTA_FILE_UNREAD: ['error', 'move its requirements into a capability\'s spec.md, or delete the file'],
  DELTA_TARGET_MISSING: ['error', 'use the exact name from the spec, or ADDED for a new requirement'],
  REQ_EMPTY_NAME: ['error', 'write the name after "### Requirement:"'],
  REQ_DUPLICATE: ['error', 'keep one of them: a section names each requirement once'],
  REQ_IN_TWO_SECTIONS: [
    'error',
    'keep it in one section; after a RENAMED, only MODIFIED may use the new name',
  ],
  REQ_NO_TEXT: ['error', 'state it under the header: "The system SHALL ..."'],
  REQ_NO_SHALL: ['warning', 'state it as "The system SHALL ..." or "... MUST ..."'],
  REQ_NO_SCENARIO: ['error', 'add a scenario with WHEN/THEN'],
  REQ_ALREADY_EXISTS: ['error', 'use MODIFIED to change a requirement the spec already has'],
  SCENARIO_BAD_HEADING: ['error', 'write scenarios as "#### Scenario: <name>", with exactly four #'],
  SCENARIO_NO_WHEN_THEN: ['info', 'add "- **WHEN** ..." and "- **THEN** ..." steps'],
  SCENARIO_DROPPED: [
    'error',
    'MODIFIED replaces the whole requirement: copy in every scenario to keep; to drop one on purpose, edit the main spec',
  ],
  RENAME_MALFORMED: [
    'error',
    'write each rename as "- FROM: `### Requirement: Old`" then "- TO: `### Requirement: New`"',
  ],
  RENAME_TARGET_EXISTS: ['error', 'pick a name the spec does not have yet'],
  SPEC_STRUCTURE: ['error', 'fix the main spec first: every requirement once, inside "## Requirements", no delta headers'],
  SPEC_REBUILT_INVALID: ['error', 'change the delta so the spec it leaves has a Purpose and at least one requirement'],
} as const satisfies Record<string, readonly [Severity, string]>;

/**
 * The rules that only OpenSpec 1.x repositories and main specs meet: a change's `.openspec.yaml`, its
 * task-file warnings, and `validate <spec>` of `openspec/specs/<capability>/spec.md`, as OpenSpec checks them.
 */
export const OPENSPEC_RULES = {
  CHANGE_METADATA_INVALID: [
    'error',
    'fix .openspec.yaml: "schema: spec-driven" is required, skip_specs is true or false',
  ],
  CHANGE_SKIP_SPECS_CONFLICT: [
    'error',
    'delete the files under specs/, or remove skip_specs from .openspec.yaml if requirements do change',
  ],
  SPEC_NO_PURPOSE: ['error', 'add a "## Purpose" section saying what the capability is for'],
  SPEC_NO_REQUIREMENTS: ['error', 'add a "## Requirements" section with a "### Requirement: <name>" under it'],
  TASKS_NO_CHECKBOX: ['warning', 'write each task as "- [ ] 1.1 Description"'],
  TASK_GROUP_MISMATCH: ['warning', 'move the task to the group its number names, or renumber it'],
  SPEC_PURPOSE_PLACEHOLDER: [
    'warning',
    'replace the placeholder with what the capability is for, in the main spec itself (a delta\'s Purpose is read only when it creates the spec)',
  ],
  SPEC_PURPOSE_BRIEF: ['warning', 'say in a sentence or two (50 characters or more) what the capability is for'],
} as const satisfies Record<string, readonly [Severity, string]>;

/** How each layout-dependent rule reads in an OpenSpec 1.x repository: OpenSpec's severity and fix. */
export const OPENSPEC_1_OVERRIDES: Partial<Record<DiagnosticCode, readonly [Severity, string]>> = {
  TASKS_EMPTY: ['info', 'add checkbox lines such as "- [ ] 1.1 First step" before running "plan"; OpenSpec does not require tasks'],
  PROPOSAL_NO_TITLE: ['info', 'start proposal.md with "# <title>" if you like; OpenSpec does not require it'],
  DELTA_NONE: [
    'error',
    'add specs/<capability>/spec.md with "## ADDED Requirements", or set "skip_specs: true" in the change\'s .openspec.yaml',
  ],
};

/** A stable identifier of a validation rule, such as `REQ_NO_SCENARIO`. */
export type DiagnosticCode = keyof typeof DIAGNOSTIC_RULES | keyof typeof OPENSPEC_RULES;

const RULES: Record<DiagnosticCode, readonly [Severity, string]> = { ...DIAGNOSTIC_RULES, ...OPENSPEC_RULES };

/** One finding of `validate`: where, which rule, what is wrong and how to fix it. */
export interface Diagnostic {
  code: DiagnosticCode;
  severity: Severity;
  /** Path relative to the repository, "/"-separated. */
  file: string;
  /** 1-based line; absent for a missing file. */
  line?: number;
  /** The requirement the finding is about, when there is one. */
  requirement?: string;
  message: string;
  fix: string;
}

export interface DiagnosticInput {
  /** The rule's severity and fix where they differ (OpenSpec 1.x repositories: `OPENSPEC_1_OVERRIDES`). */
  rule?: readonly [Severity, string];
  file: string;
  line?: number;
  requirement?: string;
  message: string;
}

/** A finding of rule `code`, with the rule's severity and fix. */
export function diagnostic(code: DiagnosticCode, input: DiagnosticInput): Diagnostic {
  const [severity, fix] = input.rule ?? RULES[code];
  // Key order is the order of the --json output: where, then what.
  return {
    code,
    severity,
    file: input.file,
    ...(input.line === undefined ? {} : { line: input.line }),
    ...(input.requirement === undefined ? {} : { requirement: input.requirement }),
    message: input.message,
    fix,
  };
}

/**
 * One line per finding, as `validate` prints it:
 * `openspec/changes/x/specs/auth/spec.md:12: REQ_NO_SCENARIO "Login": a requirement needs ... (add ...)`.
 * Warnings say so before the code.
 */
export function formatDiagnostic(found: Diagnostic): string {
  const where = found.line === undefined ? found.file : `${found.file}:${found.line}`;
  const severity = found.severity === 'error' ? '' : `${found.severity} `;
  const name = found.requirement === undefined ? '' : ` ${JSON.stringify(found.requirement)}`;
  return `${where}: ${severity}${found.code}${name}: ${found.message} (${found.fix})`;
}

/** By file, line and code, so output is stable whatever order the rules ran in. */
export function sortDiagnostics(list: Diagnostic[]): Diagnostic[] {
  return [...list].sort(
    (a, b) =>
      a.file.localeCompare(b.file) || (a.line ?? 0) - (b.line ?? 0) || a.code.localeCompare(b.code),
  );
}
