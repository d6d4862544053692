import { diagnostic, type Diagnostic } from '../diagnostics.js';
import { buildCodeFenceMask } from './code-fence.js';
import { extractRequirementsSection } from './requirement-blocks.js';
import { requirementBody } from './requirement-text.js';

interface Heading {
  index: number;
  level: number;
  title: string;
}

/**
 * The errors OpenSpec's archive finds in a spec it is about to write (and then refuses to write it): no
 * Purpose text, no requirement left, a requirement without a scenario that has steps, or without a
 * statement. `file` names the spec; lines are those of the rebuilt text.
 */
export function checkRebuiltSpec(text: string, file: string): Diagnostic[] {
  const lines = text.split('\n');
  const mask = buildCodeFenceMask(lines);
  const headings: Heading[] = [];
  lines.forEach((line, index) => {
    const match = mask[index] ? null : /^(#{1,6})\s+(.+)$/.exec(line);
    if (match) headings.push({ index, level: match[1]!.length, title: match[2]!.trim() });
  });
  const content = (heading: Heading) => {
    const next = headings.find((other) => other.index > heading.index && other.level <= heading.level);
    return lines.slice(heading.index + 1, next?.index ?? lines.length).join('\n').trim();
  };
  const found: Diagnostic[] = [];
  const invalid = (message: string, line?: number) =>
    found.push(diagnostic('SPEC_REBUILT_INVALID', { file, ...(line === undefined ? {} : { line }), message }));
  const purpose = headings.find((heading) => heading.title.toLowerCase() === 'purpose');
  if (!purpose || content(purpose) === '') invalid('after the merge the spec has no "## Purpose" text');
  const section = headings.find((heading) => heading.title.toLowerCase() === 'requirements');
  const requirements = section ? children(headings, section) : [];
  if (section && requirements.length === 0) invalid('after the merge the spec has no requirement left', section.index + 1);
  for (const requirement of requirements) {
    const scenarios = children(headings, requirement).filter((scenario) => content(scenario) !== '');
    if (scenarios.length > 0) continue;
    const name = requirement.title.replace(/^Requirement:\s*/i, '');
    const message = 'after the merge it has no "#### Scenario:" with steps under it';
    found.push(diagnostic('REQ_NO_SCENARIO', { file, line: requirement.index + 1, requirement: name, message }));
  }
  const parts = extractRequirementsSection(text);
  parts.blocks.forEach((block, position) => {
    if (requirementBody(block.raw.split('\n').slice(1)) !== '') return;
    const message = 'after the merge it has no statement under its header';
    found.push(diagnostic('REQ_NO_TEXT', { file, line: parts.lines[position]!, requirement: block.name, message }));
  });
  return found;
}

// The headings directly under `parent`, as a section tree nests them (a deeper heading is a child of the
// nearest shallower one before it).
function children(headings: Heading[], parent: Heading): Heading[] {
  const found: Heading[] = [];
  const stack: Heading[] = [parent];
  for (const heading of headings) {
    if (heading.index <= parent.index) continue;
    if (heading.level <= parent.level) break;
    while (stack.length > 0 && stack[stack.length - 1]!.level >= heading.level) stack.pop();
    if (stack[stack.length - 1] === parent) found.push(heading);
    stack.push(heading);
  }
  return found;
}
