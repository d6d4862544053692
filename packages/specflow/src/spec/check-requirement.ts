import { diagnostic, type Diagnostic } from '../diagnostics.js';
import { buildCodeFenceMask } from './code-fence.js';
import { hasShallOrMust, readScenarios, requirementBody } from './requirement-text.js';

/** A requirement block to check: its name, the line of its header, and its lines (header first). */
export interface RequirementBlock {
  name: string;
  line: number;
  lines: string[];
}

// Scenario headings at the wrong level, as a bullet, or in bold: only "####" headings are scenarios.
const BAD_SCENARIO =
  /^\s*(?:(?:#{1,3}|#{5,6})\s*Scenario:|(?:[-*+]\s+)?\*\*Scenario:?\*\*|[-*+]\s+Scenario:|Scenario:)/;

/**
 * The rules of one requirement's text, as OpenSpec's validate has them: a statement under the header
 * (REQ_NO_TEXT), a SHALL or MUST in it (REQ_NO_SHALL, a warning), and at least one `####` scenario with
 * steps under it (REQ_NO_SCENARIO; SCENARIO_BAD_HEADING when the would-be scenarios are written another
 * way), and advice (an info) on scenarios without WHEN/THEN steps. `file` names the file the block is in.
 */
export function checkRequirementText(requirement: RequirementBlock, file: string): Diagnostic[] {
  const found: Diagnostic[] = [];
  const at = { file, line: requirement.line, requirement: requirement.name };
  const body = requirement.lines.slice(1);
  const statement = requirementBody(body);
  if (statement === '') {
    found.push(diagnostic('REQ_NO_TEXT', { ...at, message: 'the requirement has no text before its scenarios' }));
  } else if (!hasShallOrMust(statement)) {
    found.push(diagnostic('REQ_NO_SHALL', { ...at, message: 'the requirement text has no SHALL or MUST' }));
  }
  const scenarios = readScenarios(body);
  scenarios.forEach((scenario, position) => {
    const end = scenarios[position + 1]?.line ?? body.length;
    const steps = body.slice(scenario.line + 1, end).join('\n');
    const missing = ['WHEN', 'THEN'].filter((word) => !new RegExp(`\\b${word}\\b`).test(steps));
    if (missing.length === 0) return;
    const message = `scenario ${JSON.stringify(scenario.name)} has no ${missing.join('/')} step`;
    found.push(diagnostic('SCENARIO_NO_WHEN_THEN', { ...at, line: requirement.line + 1 + scenario.line, message }));
  });
  if (scenarios.some((scenario) => scenario.hasBody)) return found;
  const mask = buildCodeFenceMask(body);
  const bad = body.flatMap((text, offset) => (!mask[offset] && BAD_SCENARIO.test(text) ? [offset] : []));
  for (const offset of bad) {
    const message = `${JSON.stringify(body[offset]!.trim())} is not a scenario heading`;
    found.push(diagnostic('SCENARIO_BAD_HEADING', { ...at, line: requirement.line + 1 + offset, message }));
  }
  if (bad.length > 0) return found;
  const empty = scenarios.length > 0 ? ' (its "####" headings have no steps under them)' : '';
  found.push(diagnostic('REQ_NO_SCENARIO', { ...at, message: `a requirement needs at least one "#### Scenario:"${empty}` }));
  return found;
}
