import { diagnostic, type Diagnostic } from '../diagnostics.js';
import { isFence } from '../layout/read-text.js';

/** A requirement block to check: its name, the line of its header, and its lines (header first). */
export interface RequirementBlock {
  name: string;
  line: number;
  lines: string[];
}

const SCENARIO = /^####\s+Scenario:/;
// Scenario headings at the wrong level, as a bullet, or in bold: OpenSpec only reads "#### Scenario:".
const BAD_SCENARIO =
  /^\s*(?:(?:#{1,3}|#{5,6})\s*Scenario:|(?:[-*+]\s+)?\*\*Scenario:?\*\*|[-*+]\s+Scenario:|Scenario:)/;

/**
 * The rules of one requirement's text: some text before the scenarios (REQ_NO_TEXT), a SHALL or MUST in
 * it (REQ_NO_SHALL, a warning), at least one `#### Scenario:` (REQ_NO_SCENARIO), well-formed scenario
 * headings, WHEN and THEN in each scenario. `file` names the file the block is in.
 */
export function checkRequirementText(requirement: RequirementBlock, file: string): Diagnostic[] {
  const found: Diagnostic[] = [];
  const at = { file, line: requirement.line, requirement: requirement.name };
  const statement: string[] = [];
  const scenarios: { name: string; line: number; text: string[] }[] = [];
  let badHeadings = 0;
  let inFence = false;
  requirement.lines.slice(1).forEach((text, offset) => {
    const line = requirement.line + 1 + offset;
    const fence = isFence(text);
    if (!inFence && !fence && SCENARIO.test(text)) {
      scenarios.push({ name: text.replace(SCENARIO, '').trim(), line, text: [] });
    } else if (!inFence && !fence && BAD_SCENARIO.test(text)) {
      badHeadings += 1;
      const message = `${JSON.stringify(text.trim())} is not a scenario heading`;
      found.push(diagnostic('SCENARIO_BAD_HEADING', { ...at, line, message }));
    } else if (scenarios.length > 0) scenarios[scenarios.length - 1]!.text.push(text);
    else statement.push(text);
    if (fence) inFence = !inFence;
  });
  const text = statement.join('\n');
  if (text.trim() === '') {
    const message = 'the requirement has no text before its scenarios';
    found.push(diagnostic('REQ_NO_TEXT', { ...at, message }));
  } else if (!/\b(SHALL|MUST)\b/.test(text)) {
    found.push(diagnostic('REQ_NO_SHALL', { ...at, message: 'the requirement text has no SHALL or MUST' }));
  }
  if (scenarios.length === 0 && badHeadings === 0) {
    const message = 'a requirement needs at least one "#### Scenario:"';
    found.push(diagnostic('REQ_NO_SCENARIO', { ...at, message }));
  }
  for (const scenario of scenarios) {
    const body = scenario.text.join('\n');
    const missing = ['WHEN', 'THEN'].filter((word) => !new RegExp(`\\b${word}\\b`).test(body));
    if (missing.length === 0) continue;
    const message = `scenario ${JSON.stringify(scenario.name)} has no ${missing.join('/')} step`;
    found.push(diagnostic('SCENARIO_NO_WHEN_THEN', { ...at, line: scenario.line, message }));
  }
  return found;
}
