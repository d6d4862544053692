import { join } from 'node:path';
import { isFile, openspecLayout, type OpenspecLayout, type RepoOptions } from './paths.js';

/**
 * Which OpenSpec layout a repository uses: `kit` is the Python kit's 0.x layout (`openspec/project.md`,
 * archives in `openspec/archive/<change>-<YYYYmmdd-HHMMSS>/`); `openspec-1` is today's OpenSpec
 * (`openspec/config.yaml`, archives in `openspec/changes/archive/YYYY-MM-DD-<change>/`).
 */
export type LayoutKind = 'kit' | 'openspec-1';

/** The layout kinds, as `init --layout` accepts them. */
export const LAYOUT_KINDS: readonly LayoutKind[] = ['kit', 'openspec-1'];

/** An OpenSpec layout together with its kind and, for 1.x, its config file. */
export interface DetectedLayout extends OpenspecLayout {
  kind: LayoutKind;
  /** `openspec/config.yaml` (or `config.yml` when only that exists); set for both kinds, present in 1.x. */
  config: string;
}

// OpenSpec accepts either spelling of the config file and prefers .yaml.
const CONFIG_NAMES = ['config.yaml', 'config.yml'];

// OpenSpec never prefixes a second date onto a change already named YYYY-MM-DD-... (its #1309).
const DATE_PREFIX = /^\d{4}-\d{2}-\d{2}-/;

/** The paths of one layout kind, without looking at the disk. */
export function layoutOf(kind: LayoutKind, options: RepoOptions = {}): DetectedLayout {
  const base = openspecLayout(options);
  const config = join(base.openspec, CONFIG_NAMES[0]!);
  if (kind === 'kit') return { ...base, kind, config };
  return { ...base, kind, config, archive: join(base.changes, 'archive') };
}

/**
 * The layout of the repository at `repo`: OpenSpec 1.x when `openspec/config.yaml` (or `.yml`) exists,
 * otherwise the kit's, so repositories made by the kit keep working as they always did.
 *
 * @example
 * const layout = await detectLayout({ repo: '.' });
 * if (layout.kind === 'openspec-1') console.log(layout.archive); // <repo>/openspec/changes/archive
 */
export async function detectLayout(options: RepoOptions = {}): Promise<DetectedLayout> {
  const kit = layoutOf('kit', options);
  for (const name of CONFIG_NAMES) {
    const config = join(kit.openspec, name);
    if (await isFile(config)) return { ...layoutOf('openspec-1', options), config };
  }
  return kit;
}

/**
 * The archive folder a change moves to, as an absolute path: the kit's `openspec/archive/<change>-<stamp>`
 * (local time `YYYYmmdd-HHMMSS`), or OpenSpec 1.x's `openspec/changes/archive/YYYY-MM-DD-<change>` (local
 * date; a change already named with a date prefix keeps its name, as OpenSpec does).
 *
 * @example
 * archiveDestination(await detectLayout({}), 'add-2fa', new Date()); // .../changes/archive/2026-12-06-add-2fa
 */
export function archiveDestination(layout: DetectedLayout, change: string, at: Date): string {
  if (layout.kind === 'kit') return join(layout.archive, `${change}-${kitStamp(at)}`);
  return join(layout.archive, DATE_PREFIX.test(change) ? change : `${localDate(at)}-${change}`);
}

/** `YYYY-MM-DD` in local time: OpenSpec's date of an archive and of a change's `created`. */
export function localDate(at: Date): string {
  return `${at.getFullYear()}-${two(at.getMonth() + 1)}-${two(at.getDate())}`;
}

/** `YYYYmmdd-HHMMSS` in local time, the kit's archive folder suffix. */
export function kitStamp(at: Date): string {
  const day = `${at.getFullYear()}${two(at.getMonth() + 1)}${two(at.getDate())}`;
  return `${day}-${two(at.getHours())}${two(at.getMinutes())}${two(at.getSeconds())}`;
}

function two(value: number): string {
  return String(value).padStart(2, '0');
}
