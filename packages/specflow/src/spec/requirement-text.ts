import { buildCodeFenceMask } from './code-fence.js';

// OpenSpec's readers: any level-4 heading opens a scenario, and a scenario runs to the next heading of level 1-4.
const SCENARIO_HEADER = /^####\s+/;
const SCENARIO_BODY_END = /^#{1,4}\s/;
const METADATA_LINE = /^\*\*[^*]+\*\*:/;

/**
 * The statement of a requirement (its lines after the header, up to the first heading), fences skipped;
 * `**Key**: value` metadata counts only when nothing else is there. Empty when there is none.
 */
export function requirementBody(bodyLines: string[]): string {
  const mask = buildCodeFenceMask(bodyLines);
  const captured: string[] = [];
  const metadata: string[] = [];
  for (let index = 0; index < bodyLines.length; index += 1) {
    if (mask[index]) continue;
    const line = bodyLines[index]!;
    if (/^#{1,6}\s/.test(line)) break;
    const trimmed = line.trim();
    if (trimmed === '') continue;
    (METADATA_LINE.test(trimmed) ? metadata : captured).push(trimmed);
  }
  return (captured.length > 0 ? captured : metadata).join('\n');
}

/** True when the text has SHALL or MUST as a word. */
export function hasShallOrMust(text: string): boolean {
  return /\b(SHALL|MUST)\b/.test(text);
}

/** The scenarios of a requirement's body lines: each `####` heading's name and whether it has a body. */
export function readScenarios(bodyLines: string[]): { name: string; line: number; hasBody: boolean }[] {
  const mask = buildCodeFenceMask(bodyLines);
  const found: { name: string; line: number; hasBody: boolean }[] = [];
  for (let index = 0; index < bodyLines.length; index += 1) {
    if (mask[index] || !SCENARIO_HEADER.test(bodyLines[index]!)) continue;
    let end = index + 1;
    while (end < bodyLines.length && (mask[end] || !SCENARIO_BODY_END.test(bodyLines[end]!))) end += 1;
    const hasBody = bodyLines.slice(index + 1, end).join('\n').trim().length > 0;
    found.push({ name: scenarioName(bodyLines[index]!), line: index, hasBody });
  }
  return found;
}

/** `#### Scenario: Name ##` -> `Name`: what OpenSpec compares when a MODIFIED might drop a scenario. */
function scenarioName(line: string): string {
  return line.replace(SCENARIO_HEADER, '').replace(/[ \t]+#+[ \t]*$/, '').replace(/^Scenario:\s*/i, '').trim();
}

/**
 * The scenario names the current block has more often than the incoming one (each name counted as
 * many times as it occurs): the scenarios a MODIFIED would drop.
 */
export function droppedScenarios(currentRaw: string, incomingRaw: string): string[] {
  const names = (raw: string) => readScenarios(raw.replace(/\r\n?/g, '\n').split('\n')).map((found) => found.name);
  const left = new Map<string, number>();
  for (const name of names(incomingRaw)) left.set(name, (left.get(name) ?? 0) + 1);
  const dropped: string[] = [];
  for (const name of names(currentRaw)) {
    const count = left.get(name) ?? 0;
    if (count > 0) left.set(name, count - 1);
    else dropped.push(name);
  }
  return dropped;
}
