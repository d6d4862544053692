import fc from 'fast-check';
import type { RepoCase } from './run-both.js';

// Requirement names with unicode and punctuation, and pairs that differ only in case or spacing.
const NAMES = [
  'Login', 'login', 'Log out', 'Log  out', 'Café Menü', '日本語 検索', 'Rate-limit (API)', 'C# Support',
  'Launch 🚀 day', 'Path/With/Slashes', 'Quotes "x" & \'y\'', 'Issue #12', 'Ünïcödé', 'Über: Colon', 'Closed ##',
];
// A delta's Purpose: prose, prose with a code sample, or only a comment (which leaves the placeholder).
const PURPOSES = [
  'What the new capability is for, carried into its main spec when it is created.',
  'Exports, shown as:\n\n```md\n## Not A Section\n```',
  '<!-- describe the capability -->',
];
const CAPABILITIES = ['auth', 'billing', 'platform/auth', 'search'];
const SCENARIOS = ['Works', 'Fails', 'Edge ⚡ case'];

const requirementArb = fc.record({
  name: fc.nat(NAMES.length - 1),
  shall: fc.nat(9).map((roll) => roll !== 0),
  text: fc.nat(19).map((roll) => roll !== 0),
  scenarios: fc.constantFrom<number>(1, 1, 1, 2, 2, 2, 2, 2, 2, 0),
  emptyScenario: fc.nat(19).map((roll) => roll === 0),
  fence: fc.nat(3).map((roll) => roll === 0),
  blanks: fc.nat(2),
  variant: fc.nat(2),
});
type RequirementPlan = typeof requirementArb extends fc.Arbitrary<infer T> ? T : never;

const rarely = fc.nat(7).map((roll) => roll === 0);
const opArb = fc.oneof(
  fc.record({ kind: fc.constant('ADDED' as const), req: requirementArb, copy: fc.option(fc.nat(5), { nil: undefined, freq: 4 }) }),
  fc.record({ kind: fc.constant('MODIFIED' as const), target: fc.nat(5), req: requirementArb, drop: rarely }),
  fc.record({ kind: fc.constant('REMOVED' as const), target: fc.nat(5), bullet: fc.boolean(), missing: rarely }),
  fc.record({ kind: fc.constant('RENAMED' as const), target: fc.nat(5), to: fc.nat(NAMES.length - 1) }),
);

const specArb = fc.record({
  purpose: fc.constantFrom(true, true, true, true, false),
  // Rarely: no "## Requirements" heading at all, or text before the first requirement.
  shape: fc.constantFrom('plain', 'plain', 'plain', 'plain', 'plain', 'preamble', 'no-section'),
  // Mostly one requirement per name; sometimes a name twice (a spec archive cannot write into).
  requirements: fc.oneof(
    { weight: 9, arbitrary: fc.uniqueArray(requirementArb, { minLength: 1, maxLength: 4, selector: (req) => req.name }) },
    { weight: 1, arbitrary: fc.array(requirementArb, { minLength: 0, maxLength: 4 }) },
  ),
  notes: fc.boolean(),
  crlf: fc.constantFrom(false, false, true),
  blanks: fc.nat(2),
});

const deltaArb = fc.record({
  capability: fc.nat(CAPABILITIES.length - 1),
  // Most deltas change a spec the repository has; the others create one.
  existing: fc.nat(3).map((roll) => roll !== 0),
  purpose: fc.option(fc.nat(PURPOSES.length - 1), { nil: undefined, freq: 2 }),
  crlf: fc.constantFrom(false, false, true),
  // Section headers in lower case, or one section written twice.
  spelling: fc.constantFrom('canonical', 'canonical', 'canonical', 'lower', 'repeated'),
  ops: fc.array(opArb, { minLength: 1, maxLength: 4 }),
  empty: fc.option(fc.constantFrom('ADDED', 'MODIFIED', 'REMOVED', 'RENAMED'), { nil: undefined, freq: 4 }),
  reversed: fc.boolean(),
});

/** Small OpenSpec 1.x repositories: one or two main specs and one change with one or two deltas. */
export const repoCaseArb: fc.Arbitrary<RepoCase> = fc
  .record({
    specs: fc.uniqueArray(fc.tuple(fc.nat(CAPABILITIES.length - 1), specArb), { minLength: 1, maxLength: 2, selector: ([at]) => at }),
    deltas: fc.array(deltaArb, { minLength: 1, maxLength: 2 }),
    name: fc.constantFrom('add-thing', 'Fix_Ünïcode', '2026-01-02-dated', 'v1.2-update'),
  })
  .map(({ specs, deltas, name }) => {
    const mains = new Map(specs.map(([at, plan]) => [CAPABILITIES[at]!, plan]));
    const files: RepoCase = { name, specs: {}, change: { 'proposal.md': '## Why\nA generated change for the differential suite.\n' } };
    for (const [capability, plan] of mains) files.specs[capability] = renderSpec(capability, plan);
    const have = [...mains.keys()];
    for (const delta of deltas) {
      const capability = delta.existing ? have[delta.capability % have.length]! : CAPABILITIES[delta.capability]!;
      const existing = mains.get(capability)?.requirements ?? [];
      files.change[`specs/${capability}/spec.md`] ??= renderDelta(delta, existing);
    }
    return files;
  });

function renderRequirement(plan: RequirementPlan, name = NAMES[plan.name]!, variant = plan.variant): string {
  const gap = '\n'.repeat(plan.blanks);
  const lines = [`### Requirement: ${name}`];
  if (plan.text) lines.push(plan.shall ? `The system SHALL handle ${name.toLowerCase()} (${variant}).` : `Users can use ${name}.`);
  if (plan.fence) lines.push('', '```md', '## Requirements', '### Requirement: Inside A Fence', '#### Scenario: Not real', '```');
  for (let index = 0; index < plan.scenarios; index += 1) {
    lines.push(gap, `#### Scenario: ${SCENARIOS[index]}`);
    if (!plan.emptyScenario) lines.push('- **WHEN** it is used', '- **THEN** it works');
  }
  return `${lines.join('\n')}\n`;
}

function renderSpec(capability: string, plan: typeof specArb extends fc.Arbitrary<infer T> ? T : never): string {
  const gap = '\n'.repeat(plan.blanks);
  let text = `# ${capability} Specification\n\n`;
  if (plan.purpose) text += '## Purpose\nWhat this capability is for, written long enough for strict validation.\n\n';
  const requirements = plan.requirements.map((req) => renderRequirement(req)).join(`\n${gap}`);
  // A spec with no "## Requirements" heading gets one from the merge (its requirements are dropped here).
  if (plan.shape !== 'no-section') text += `## Requirements\n${gap}${plan.shape === 'preamble' ? 'Requirements of this capability follow.\n\n' : ''}${requirements}`;
  if (plan.notes) text += `\n## Notes\n${gap}Kept as written.\n`;
  return plan.crlf ? text.replace(/\n/g, '\r\n') : text;
}

function renderDelta(plan: typeof deltaArb extends fc.Arbitrary<infer T> ? T : never, existing: RequirementPlan[]): string {
  const nameOf = (target: number) => (existing.length > 0 ? NAMES[existing[target % existing.length]!.name]! : NAMES[target % NAMES.length]!);
  const sections = new Map<string, string[]>();
  const add = (kind: string, text: string) => sections.set(kind, [...(sections.get(kind) ?? []), text]);
  for (const planned of plan.ops) {
    // A spec that does not exist yet can only be created, so other operations become ADDED there.
    const op = existing.length > 0 || planned.kind !== 'MODIFIED' ? planned : { kind: 'ADDED' as const, req: planned.req, copy: undefined };
    if (op.kind === 'ADDED') {
      const copied = op.copy !== undefined && existing.length > 0 ? existing[op.copy % existing.length] : undefined;
      add('ADDED', copied ? renderRequirement(copied) : renderRequirement(op.req));
    } else if (op.kind === 'MODIFIED') {
      const base = existing.length > 0 ? existing[op.target % existing.length]! : op.req;
      const scenarios = op.drop ? Math.max(0, base.scenarios - 1) : base.scenarios;
      add('MODIFIED', renderRequirement({ ...op.req, scenarios, emptyScenario: base.emptyScenario }, nameOf(op.target), op.req.variant + 3));
    } else if (op.kind === 'REMOVED') {
      const name = op.missing ? 'Never There' : nameOf(op.target);
      add('REMOVED', op.bullet ? `- \`### Requirement: ${name}\`\n` : `### Requirement: ${name}\n`);
    } else add('RENAMED', `- FROM: \`### Requirement: ${nameOf(op.target)}\`\n- TO: \`### Requirement: ${NAMES[op.to]}\`\n`);
  }
  if (plan.empty !== undefined && !sections.has(plan.empty)) sections.set(plan.empty, []);
  const order = ['ADDED', 'MODIFIED', 'REMOVED', 'RENAMED'].filter((kind) => sections.has(kind));
  if (plan.reversed) order.reverse();
  let text = plan.purpose === undefined ? '' : `## Purpose\n${PURPOSES[plan.purpose]}\n\n`;
  const heading = (kind: string) => (plan.spelling === 'lower' ? `## ${kind.toLowerCase()} requirements` : `## ${kind} Requirements`);
  text += order
    .map((kind) => {
      const entries = sections.get(kind)!;
      if (plan.spelling !== 'repeated' || entries.length < 2) return `${heading(kind)}\n${entries.join('\n')}`;
      return `${heading(kind)}\n${entries.slice(0, 1).join('\n')}\n${heading(kind)}\n${entries.slice(1).join('\n')}`;
    })
    .join('\n');
  return plan.crlf ? text.replace(/\n/g, '\r\n') : text;
}
