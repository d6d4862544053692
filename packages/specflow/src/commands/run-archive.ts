import { printJson, type CliIo } from '@planwright/cli-kit';
import { archiveChange, type ArchivedSpec } from '../archive/archive-change.js';
import { formatDiagnostic } from '../diagnostics.js';
import { DeltaMergeError } from '../errors.js';
import type { ArchiveArgs } from './args.js';

/**
 * `archive <change>`: each spec merged with the requirements it gains, changes and loses, then where the
 * change went (with --dry-run: what would happen); on refusal, every blocking finding.
 */
export async function runArchive(args: ArchiveArgs, io: CliIo): Promise<number> {
  let result;
  try {
    result = await archiveChange({ repo: args.repo, change: args.change, dryRun: args.dryRun, skipSpecs: args.skipSpecs });
  } catch (error) {
    // The error itself is one line; the findings behind it are what the user fixes.
    if (error instanceof DeltaMergeError) for (const found of error.diagnostics) io.err(formatDiagnostic(found));
    throw error;
  }
  for (const warning of result.warnings) io.err(`warning: ${warning}`);
  if (args.json) {
    printJson(io, result);
    return 0;
  }
  const would = result.dryRun ? 'would ' : '';
  for (const spec of result.specs) {
    io.out(`${would}${spec.created ? 'create' : 'update'} ${spec.file}: ${describeCounts(spec)}`);
    for (const line of describeRequirements(spec)) io.out(`  ${line}`);
  }
  const skipped = result.skipSpecs ? ' (--skip-specs: openspec/specs/ untouched)' : '';
  const dry = result.dryRun ? ' (dry run: nothing written)' : '';
  io.out(`${would}move openspec/changes/${result.change} to ${result.archivedTo}${skipped}${dry}`);
  return 0;
}

function describeCounts(spec: ArchivedSpec): string {
  const parts = (['added', 'modified', 'removed', 'renamed'] as const)
    .filter((key) => spec[key].length > 0)
    .map((key) => `${spec[key].length} ${key}`);
  return parts.length > 0 ? parts.join(', ') : 'no change';
}

// Named in the order the merge applies them.
function describeRequirements(spec: ArchivedSpec): string[] {
  return [
    ...spec.renamed.map(({ from, to }) => `renamed ${JSON.stringify(from)} -> ${JSON.stringify(to)}`),
    ...spec.removed.map((name) => `removed ${JSON.stringify(name)}`),
    ...spec.modified.map((name) => `modified ${JSON.stringify(name)}`),
    ...spec.added.map((name) => `added ${JSON.stringify(name)}`),
  ];
}
