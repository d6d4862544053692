import { UsageError } from '@planwright/cli-kit';
import { detectLayout } from './layout/openspec-layout.js';
import { changePaths, isDirectory, isFile, mainSpecPath, type RepoOptions } from './layout/paths.js';
import { validateChange, type ValidationReport } from './validate.js';
import { validateSpec, type SpecValidationReport } from './validate-spec.js';

export interface ValidateItemOptions extends RepoOptions {
  /** A change name or a spec id. */
  name: string;
  /** Which one `name` is; needed only when a change and a spec share it. */
  type?: 'change' | 'spec' | undefined;
  strict?: boolean;
}

export type ItemReport = { type: 'change'; report: ValidationReport } | { type: 'spec'; report: SpecValidationReport };

/**
 * `validate <name>` as OpenSpec resolves it: a change when `openspec/changes/<name>/` exists, a main spec
 * when `openspec/specs/<name>/spec.md` does, `type` to choose when both do (else a usage error). A name
 * that is neither is tried as a change, so the kit's slug rule and its "no such change" error still apply.
 *
 * @example
 * const { type, report } = await validateItem({ repo: '.', name: 'auth' }); // type 'spec'
 */
export async function validateItem(options: ValidateItemOptions): Promise<ItemReport> {
  const layout = await detectLayout(options);
  const strict = options.strict ?? false;
  const isChange = options.name !== 'archive' && (await isDirectory(changePaths(layout, options.name).dir));
  const isSpec = !options.name.includes('..') && (await isFile(mainSpecPath(layout, options.name)));
  if (options.type === undefined && isChange && isSpec) {
    throw new UsageError(`validate: "${options.name}" is both a change and a spec`, { hint: 'pass --type change or --type spec' });
  }
  const type = options.type ?? (isSpec && !isChange ? 'spec' : 'change');
  if (type === 'spec') {
    return { type, report: await validateSpec({ repo: layout.root, spec: options.name, strict }) };
  }
  return { type, report: await validateChange({ repo: layout.root, change: options.name, strict }) };
}
