// Bulk validate against the real OpenSpec CLI (issue 12): 160 changes in one OpenSpec 1.x repository,
// validated by `specflow validate --changes --json` and by `openspec validate --changes --json`, both as
// processes on the same files, interleaved, in the same run.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

const SPECS = 8;
const REQUIREMENTS = 5;

function requirement(name, verb) {
  return [
    `### Requirement: ${name}`,
    `The system SHALL ${verb} for ${name.toLowerCase()}.`,
    '',
    `#### Scenario: ${name} works`,
    `- **WHEN** a user asks for ${name.toLowerCase()}`,
    `- **THEN** the system answers within a second`,
    '',
  ].join('\n');
}

/** An OpenSpec 1.x repository with `changes` valid changes over eight main specs; returns its path and a cleanup. */
export function writeOpenspecRepo(changes = 160) {
  const root = mkdtempSync(join(tmpdir(), 'bench-openspec-'));
  const write = (path, text) => {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  };
  write('openspec/config.yaml', 'schema: spec-driven\n');
  for (let spec = 0; spec < SPECS; spec++) {
    const requirements = Array.from({ length: REQUIREMENTS }, (_, index) => requirement(`Rule ${spec}-${index}`, 'respond'));
    const purpose = `Capability ${spec}: what the system does for area ${spec}, written out in one sentence.`;
    write(`openspec/specs/area-${spec}/spec.md`, `# area-${spec}\n\n## Purpose\n${purpose}\n\n## Requirements\n\n${requirements.join('\n')}`);
  }
  for (let change = 0; change < changes; change++) {
    const spec = change % SPECS;
    const dir = `openspec/changes/change-${String(change).padStart(3, '0')}`;
    write(`${dir}/.openspec.yaml`, 'schema: spec-driven\ncreated: 2026-12-06\n');
    write(`${dir}/proposal.md`, `## Why\nChange ${change} is needed because users asked for it.\n\n## What Changes\n- New rule\n`);
    write(`${dir}/tasks.md`, '## 1. Build\n- [ ] 1.1 Implement\n- [ ] 1.2 Test\n');
    const delta = [
      '## ADDED Requirements',
      '',
      requirement(`New Rule ${change}`, 'record it'),
      '## MODIFIED Requirements',
      '',
      requirement(`Rule ${spec}-${change % REQUIREMENTS}`, 'respond quickly'),
    ].join('\n');
    write(`${dir}/specs/area-${spec}/spec.md`, delta);
  }
  return { root, cleanup: () => rmSync(root, { recursive: true, force: true }) };
}
