import { UsageError } from '@planwright/cli-kit';
import { readFile } from 'node:fs/promises';
import { diagnostic, sortDiagnostics, type Diagnostic } from './diagnostics.js';
import { NotFoundError } from './errors.js';
import { detectLayout } from './layout/openspec-layout.js';
import { folderNameProblem, isFile, mainSpecPath, repoPath, type RepoOptions } from './layout/paths.js';
import { sectionHeadings } from './spec/blocks.js';
import { checkRequirementText } from './spec/check-requirement.js';
import { parseMainSpec } from './spec/parse-spec.js';
import { summarize, type ValidationCounts } from './validate-counts.js';

export interface ValidateSpecOptions extends RepoOptions {
  /** The capability: `openspec/specs/<spec>/spec.md` (nested ids such as `platform/auth` too). */
  spec: string;
  /** Warnings fail the spec too. */
  strict?: boolean;
}

/** What `validate <spec>` found in one main spec. */
export interface SpecValidationReport extends ValidationCounts {
  spec: string;
  file: string;
  requirements: number;
  diagnostics: Diagnostic[];
}

// OpenSpec's MIN_PURPOSE_LENGTH: a shorter Purpose is a warning.
const MIN_PURPOSE = 50;
// OpenSpec's placeholder rule (core/validation/purpose-placeholder.js): a Purpose that opens with TBD or
// TODO as a marker, or that holds the sentence `openspec archive` writes into a spec it creates.
const MARKER_SHOUTED = /^(?:TBD|TODO)(?![\p{L}\p{N}\p{M}_])/u;
const MARKER_PUNCTUATED = /^(?:TBD|TODO)(?![\p{L}\p{N}\p{M}_])(?=[ \t]*(?:$|\n|[:\-\u2013\u2014.,;()[\]{}]))/iu;
const GENERATED = /TBD - created by archiving change [\s\S]*?\. Update Purpose after archive\./;

function isPlaceholderPurpose(purpose: string): boolean {
  return MARKER_SHOUTED.test(purpose) || MARKER_PUNCTUATED.test(purpose) || GENERATED.test(purpose);
}

/**
 * Checks a main spec the way `openspec validate <spec> --type spec` does: a `## Purpose` with text (a
 * warning under 50 characters or when it is a TBD/TODO placeholder), a `## Requirements` section with at least one requirement, and every
 * requirement with text, SHALL or MUST (a warning) and a scenario. An unknown spec is a NotFoundError.
 *
 * @example
 * const report = await validateSpec({ repo: '.', spec: 'auth', strict: true });
 */
export async function validateSpec(options: ValidateSpecOptions): Promise<SpecValidationReport> {
  const layout = await detectLayout(options);
  const problem = options.spec.split('/').map(folderNameProblem).find(Boolean);
  if (problem !== undefined) {
    throw new UsageError(`spec ${JSON.stringify(options.spec)}: ${problem}`, { hint: 'see "specflow list --specs"' });
  }
  const path = mainSpecPath(layout, options.spec);
  const file = repoPath(layout, path);
  if (!(await isFile(path))) {
    throw new NotFoundError(`${file}: no such spec`, { hint: 'see "specflow list --specs" for the specs there are' });
  }
  const { diagnostics, requirements } = checkMainSpec(await readFile(path, 'utf8'), file);
  return { spec: options.spec, file, ...summarize(diagnostics, options.strict ?? false), requirements, diagnostics };
}

/** The rules of a main spec's text; `file` names it in the findings. */
export function checkMainSpec(text: string, file: string): { diagnostics: Diagnostic[]; requirements: number } {
  const spec = parseMainSpec(text);
  const found: Diagnostic[] = [];
  const headings = sectionHeadings(spec.lines);
  const purposeAt = headings.findIndex((heading) => /^purpose$/i.test(heading.title));
  const purpose =
    purposeAt < 0
      ? ''
      : spec.lines.slice(headings[purposeAt]!.index + 1, headings[purposeAt + 1]?.index ?? spec.lines.length).join('\n').trim();
  const purposeLine = purposeAt < 0 ? 1 : headings[purposeAt]!.index + 1;
  if (purpose === '') {
    found.push(diagnostic('SPEC_NO_PURPOSE', { file, line: purposeLine, message: 'the spec has no "## Purpose" text' }));
  } else if (isPlaceholderPurpose(purpose)) {
    const message = 'the Purpose is still a placeholder (TBD/TODO, or the sentence archive writes for a new capability)';
    found.push(diagnostic('SPEC_PURPOSE_PLACEHOLDER', { file, line: purposeLine, message }));
  } else if (purpose.length < MIN_PURPOSE) {
    const message = `the Purpose is ${purpose.length} characters, under ${MIN_PURPOSE}`;
    found.push(diagnostic('SPEC_PURPOSE_BRIEF', { file, line: purposeLine, message }));
  }
  const blocks = spec.chunks.filter((chunk) => chunk.kind === 'requirement');
  if (spec.heading === undefined || blocks.length === 0) {
    const message = spec.heading === undefined ? 'the spec has no "## Requirements" section' : 'the spec has no requirement';
    const line = spec.heading === undefined ? 1 : spec.heading + 1;
    found.push(diagnostic('SPEC_NO_REQUIREMENTS', { file, line, message }));
  }
  for (const block of blocks) {
    const checked = checkRequirementText({ name: block.name!, line: block.start + 1, lines: block.lines }, file);
    // OpenSpec does not ask main specs for WHEN/THEN steps: advice only, never a --strict failure.
    found.push(...checked.map((each) => (each.code === 'SCENARIO_NO_WHEN_THEN' ? { ...each, severity: 'info' as const } : each)));
  }
  return { diagnostics: sortDiagnostics(found), requirements: blocks.length };
}
