import { buildCodeFenceMask } from './code-fence.js';
import { normalizeRequirementName } from './requirement-blocks.js';

/** A reason a main spec cannot be merged into, at a 1-based line. */
export interface StructureIssue {
  kind: 'delta-header' | 'requirement-outside-requirements' | 'duplicate-requirement';
  line: number;
  header: string;
}

const REQUIREMENT = /^###\s+Requirement:\s*(.+)\s*$/i;

/**
 * What makes OpenSpec refuse to write into a main spec: a delta header in it, a requirement outside its
 * `## Requirements` section (invisible to every reader), or two requirements of one name. Fences ignored.
 */
export function findStructureIssues(content: string): StructureIssue[] {
  const raw = content.replace(/\r\n?/g, '\n').split('\n');
  const mask = buildCodeFenceMask(raw);
  const lines = raw.map((line, index) => (mask[index] ? '' : line));
  const header = lines.findIndex((line) => /^##\s+Requirements\s*$/i.test(line));
  let end = lines.length;
  if (header !== -1) {
    const next = lines.findIndex((line, index) => index > header && /^##\s+/.test(line));
    if (next !== -1) end = next;
  }
  const issues: StructureIssue[] = [];
  const seen = new Map<string, number>();
  lines.forEach((line, index) => {
    const trimmed = line.trim();
    if (!trimmed) return;
    if (/^##\s+(ADDED|MODIFIED|REMOVED|RENAMED)\s+Requirements\s*$/i.test(line)) {
      issues.push({ kind: 'delta-header', line: index + 1, header: trimmed });
      return;
    }
    const match = REQUIREMENT.exec(line);
    if (!match) return;
    if (header === -1 || index <= header || index >= end) {
      issues.push({ kind: 'requirement-outside-requirements', line: index + 1, header: trimmed });
      return;
    }
    const name = normalizeRequirementName(match[1]!);
    if (seen.has(name)) issues.push({ kind: 'duplicate-requirement', line: index + 1, header: trimmed });
    else seen.set(name, index + 1);
  });
  return issues;
}
