import { readFile } from 'node:fs/promises';
import { parse } from 'yaml';
import { proposalWhy } from '../change/proposal-why.js';
import type { ChangeDocument } from '../change/read-change.js';
import type { DetectedLayout } from '../layout/openspec-layout.js';
import { isFile, repoPath } from '../layout/paths.js';

/**
 * The plan's goal from the proposal: in OpenSpec 1.x the Why section (its title is mostly "Proposal:
 * <name>"), else the `# ` title; in the kit's layout the title (the kit's rule), else the Why section.
 */
export function planGoal(change: ChangeDocument, openspec1: boolean): string | undefined {
  const why = change.proposal === undefined ? undefined : proposalWhy(change.proposal);
  return openspec1 ? (why ?? change.title) : (change.title ?? why);
}

/** The project conventions file briefs point at: `openspec/project.md` when the repository has one. */
export async function conventionsFile(layout: DetectedLayout): Promise<string | undefined> {
  if (layout.kind === 'kit' || (await isFile(layout.projectMd))) return repoPath(layout, layout.projectMd);
  return undefined;
}

/**
 * `context:` of `openspec/config.yaml` (OpenSpec 1.x's project context), trimmed; undefined when the file
 * has none or cannot be read as YAML (validate and OpenSpec report that; a plan does not need it).
 */
export async function configContext(layout: DetectedLayout): Promise<string | undefined> {
  try {
    const config = parse(await readFile(layout.config, 'utf8')) as { context?: unknown } | null;
    const context = config?.context;
    return typeof context === 'string' && context.trim() !== '' ? context.trim() : undefined;
  } catch {
    return undefined;
  }
}
