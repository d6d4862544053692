import { describe, expect, it } from 'vitest';
import { mergeDelta } from './merge-delta.js';
import { parseDeltaSpec } from './parse-delta.js';

const context = { specFile: 'openspec/specs/auth/spec.md', change: 'c' };
const delta = (text: string) => parseDeltaSpec(text, 'auth', 'openspec/changes/c/specs/auth/spec.md');
const requirement = (name: string, word = 'SHALL') => `### Requirement: ${name}\nThe system ${word} ${name.toLowerCase()}.\n\n#### Scenario: s\n- **WHEN** a\n- **THEN** b\n`;
const spec = `# auth Specification\n\n## Purpose\nP.\n\n## Requirements\n${requirement('A')}\n${requirement('B')}\n## Notes\nKept.\n`;

describe('mergeDelta', () => {
  it('renames first, so MODIFIED may name the new name, and keeps text outside the section', () => {
    const merged = mergeDelta(spec, delta(`## MODIFIED Requirements\n${requirement('C', 'MUST')}\n## RENAMED Requirements\n- FROM: \`### Requirement: A\`\n- TO: \`### Requirement: C\`\n`), context);
    expect(merged.diagnostics).toEqual([]);
    expect(merged.counts).toEqual({ added: 0, modified: 1, removed: 0, renamed: 1 });
    expect(merged.text).toBe(`# auth Specification\n\n## Purpose\nP.\n\n## Requirements\n\n${requirement('C', 'MUST')}\n${requirement('B')}\n## Notes\nKept.\n`);
  });

  it('creates a missing spec from ADDED requirements only', () => {
    const added = mergeDelta(undefined, delta(`## ADDED Requirements\n${requirement('A')}`), context);
    expect(added).toMatchObject({ created: true, diagnostics: [] });
    expect(added.text).toBe(`# auth Specification\n\n## Purpose\nTBD: created when the change c was archived; describe what this capability is for.\n\n## Requirements\n\n${requirement('A')}`);
    const modified = mergeDelta(undefined, delta(`## MODIFIED Requirements\n${requirement('A')}`), context);
    expect(modified.diagnostics.map((found) => found.message)).toEqual(['MODIFIED: openspec/specs/auth/spec.md does not exist yet']);
  });

  it('adds a Requirements section to a spec that has none', () => {
    const merged = mergeDelta('# auth\n\nIntro.\n\n', delta(`## ADDED Requirements\n${requirement('A')}`), context);
    expect(merged.text).toBe(`# auth\n\nIntro.\n\n## Requirements\n\n${requirement('A')}`);
  });

  it('matches names trimmed, case and inner spacing kept; a name that differs only in case is a typo', () => {
    const removed = mergeDelta(spec, delta('## REMOVED Requirements\n### Requirement:   A  \n### Requirement: b\n'), context);
    expect(removed.counts.removed).toBe(1);
    expect(removed.diagnostics.map((found) => [found.code, found.requirement])).toEqual([['DELTA_TARGET_MISSING', 'b']]);
  });

  it('treats a requirement header inside a code fence as text', () => {
    const fenced = `## ADDED Requirements\n### Requirement: D\nThe system SHALL show:\n\`\`\`md\n### Requirement: Not one\n\`\`\`\n\n#### Scenario: s\n- **WHEN** a\n- **THEN** b\n`;
    const merged = mergeDelta(spec, delta(fenced), context);
    expect(merged.counts.added).toBe(1);
    expect(merged.text).toContain('```md\n### Requirement: Not one\n```\n\n#### Scenario: s');
  });

  it('writes a CRLF spec back as CRLF, and counts an ADDED already there word for word as synced', () => {
    const crlf = spec.replace(/\n/g, '\r\n');
    const merged = mergeDelta(crlf, delta(`## ADDED Requirements\n${requirement('C')}`), context);
    const after = `# auth Specification\n\n## Purpose\nP.\n\n## Requirements\n\n${requirement('A')}\n${requirement('B')}\n${requirement('C')}\n## Notes\nKept.\n`;
    expect(merged.text).toBe(after.replace(/\n/g, '\r\n'));
    const synced = mergeDelta(crlf, delta(`## ADDED Requirements\n${requirement('A')}`), context);
    expect(synced).toMatchObject({ changed: false, counts: { added: 0, modified: 0, removed: 0, renamed: 0 }, diagnostics: [] });
  });

  it("creates a new spec with the delta's Purpose, or the placeholder when that Purpose is only a comment", () => {
    const carried = mergeDelta(undefined, delta(`## Purpose\nBilling for every customer.\n\n## ADDED Requirements\n${requirement('A')}`), context);
    expect(carried.text).toBe(`# auth Specification\n\n## Purpose\nBilling for every customer.\n\n## Requirements\n\n${requirement('A')}`);
    const commented = mergeDelta(undefined, delta(`## Purpose\n<!-- todo -->\n\n## ADDED Requirements\n${requirement('A')}`), context);
    expect(commented.text).toContain('## Purpose\nTBD: created when the change c was archived;');
  });
});

