import { subfolders } from './change/read-change.js';
import type { Diagnostic } from './diagnostics.js';
import { detectLayout } from './layout/openspec-layout.js';
import { changePaths, isFile, requireOpenspec, type RepoOptions } from './layout/paths.js';
import { checkOneChange } from './validate.js';
import { validateSpec } from './validate-spec.js';

export interface ValidateAllOptions extends RepoOptions {
  /** Validate every active change (`--changes`; `--all` sets both). */
  changes?: boolean;
  /** Validate every main spec (`--specs`). */
  specs?: boolean;
  /** Warnings fail an item too. */
  strict?: boolean;
}

/** One validated change or spec of a bulk run. */
export interface BulkItem {
  id: string;
  type: 'change' | 'spec';
  valid: boolean;
  errors: number;
  warnings: number;
  diagnostics: Diagnostic[];
}

/** Every item with its verdict, and the totals (the shape of `openspec validate --all --json`'s summary). */
export interface BulkReport {
  valid: boolean;
  strict: boolean;
  items: BulkItem[];
  summary: { totals: Totals; byType: { change?: Totals; spec?: Totals } };
}

interface Totals {
  items: number;
  passed: number;
  failed: number;
}

/**
 * Validates every active change and/or every main spec in one pass, as `openspec validate --all`
 * (`--changes`, `--specs`) does: the layout is detected once and the main specs are read as needed.
 * Items are sorted by id; `valid` is false when any item fails.
 *
 * @example
 * const report = await validateAll({ repo: '.', changes: true, specs: true, strict: true });
 * console.log(report.summary.totals); // { items: 12, passed: 11, failed: 1 }
 */
export async function validateAll(options: ValidateAllOptions): Promise<BulkReport> {
  const layout = await detectLayout(options);
  await requireOpenspec(layout);
  const strict = options.strict ?? false;
  const items: BulkItem[] = [];
  if (options.changes) {
    const names = (await subfolders(layout.changes)).filter((name) => name !== 'archive');
    const reports = await Promise.all(names.map((name) => checkOneChange(layout, changePaths(layout, name), strict)));
    for (const report of reports) items.push(item(report.change, 'change', report));
  }
  if (options.specs) {
    for (const spec of await specIds(layout.specs)) {
      const report = await validateSpec({ repo: layout.root, spec, strict });
      items.push(item(spec, 'spec', report));
    }
  }
  items.sort((a, b) => a.id.localeCompare(b.id));
  const totals = (type?: BulkItem['type']): Totals => {
    const chosen = items.filter((each) => type === undefined || each.type === type);
    const passed = chosen.filter((each) => each.valid).length;
    return { items: chosen.length, passed, failed: chosen.length - passed };
  };
  const byType = {
    ...(options.changes ? { change: totals('change') } : {}),
    ...(options.specs ? { spec: totals('spec') } : {}),
  };
  return { valid: items.every((each) => each.valid), strict, items, summary: { totals: totals(), byType } };
}

function item(id: string, type: BulkItem['type'], report: Omit<BulkItem, 'id' | 'type'>): BulkItem {
  const { valid, errors, warnings, diagnostics } = report;
  return { id, type, valid, errors, warnings, diagnostics };
}

/** Spec ids under `openspec/specs/`, nested ones (`platform/auth`) too, as OpenSpec finds them. */
async function specIds(root: string, prefix = ''): Promise<string[]> {
  const ids: string[] = [];
  for (const name of await subfolders(prefix === '' ? root : `${root}/${prefix}`)) {
    const id = prefix === '' ? name : `${prefix}/${name}`;
    if (await isFile(`${root}/${id}/spec.md`)) ids.push(id);
    else ids.push(...(await specIds(root, id)));
  }
  return ids;
}
