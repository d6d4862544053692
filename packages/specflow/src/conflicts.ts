import { detectLayout } from './layout/openspec-layout.js';
import { changePaths, requireChange, requireOpenspec, type RepoOptions } from './layout/paths.js';
import { readDeltas, subfolders } from './change/read-change.js';
import type { DeltaOperation } from './spec/parse-delta.js';

export interface ConflictsOptions extends RepoOptions {
  /** Only conflicts that involve this change. */
  change?: string;
}

/** One change's delta naming a requirement. */
export interface RequirementTouch {
  change: string;
  operation: DeltaOperation;
  file: string;
  line: number;
}

/** A requirement of one capability that more than one active change adds, modifies, removes or renames. */
export interface Conflict {
  capability: string;
  requirement: string;
  touches: RequirementTouch[];
}

export interface ConflictsResult {
  /** The active changes compared. */
  changes: string[];
  conflicts: Conflict[];
}

/**
 * Requirements that several active changes touch: archiving one of them would make the others' deltas
 * stale (a MODIFIED that no longer matches, a REMOVED of a renamed requirement, an ADDED twice).
 *
 * @example
 * const { conflicts } = await findConflicts({ repo: '.' });
 */
export async function findConflicts(options: ConflictsOptions = {}): Promise<ConflictsResult> {
  const layout = await detectLayout(options);
  await requireOpenspec(layout);
  const only = options.change === undefined ? undefined : (await requireChange(layout, options.change)).name;
  const changes = (await subfolders(layout.changes)).filter((name) => name !== 'archive');
  const byRequirement = new Map<string, Conflict>();
  for (const change of changes) {
    for (const delta of await readDeltas(layout, changePaths(layout, change))) {
      const touch = (requirement: string, operation: DeltaOperation, line: number) => {
        const key = `${delta.capability}\u0000${requirement}`;
        const entry = byRequirement.get(key) ?? { capability: delta.capability, requirement, touches: [] };
        entry.touches.push({ change, operation, file: delta.file, line });
        byRequirement.set(key, entry);
      };
      for (const requirement of delta.requirements) touch(requirement.name, requirement.operation, requirement.line);
      for (const rename of delta.renames) {
        touch(rename.from, 'RENAMED', rename.line);
        touch(rename.to, 'RENAMED', rename.line);
      }
    }
  }
  const conflicts = [...byRequirement.values()].filter((entry) => {
    const involved = new Set(entry.touches.map((touch) => touch.change));
    return involved.size > 1 && (only === undefined || involved.has(only));
  });
  conflicts.sort((a, b) => a.capability.localeCompare(b.capability) || a.requirement.localeCompare(b.requirement));
  return { changes, conflicts };
}
