import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { parse, stringify } from 'yaml';
import { z } from 'zod';
import { isDirectory } from '../layout/paths.js';
import { readTextIfExists } from '../layout/read-text.js';

/** The file OpenSpec 1.x keeps in each change folder. */
export const METADATA_FILE = '.openspec.yaml';

/** The workflow schema OpenSpec ships and `openspec new change` writes. */
export const DEFAULT_SCHEMA = 'spec-driven';

/** `.openspec.yaml`: OpenSpec's fields that planwright reads; other keys are OpenSpec's own and kept. */
export const ChangeMetadataSchema = z.looseObject({
  schema: z.string().min(1, 'schema is required'),
  created: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'created must be YYYY-MM-DD').optional(),
  skip_specs: z.boolean().optional(),
});

/** What a change's `.openspec.yaml` says, read the way OpenSpec reads its `skip_specs` marker. */
export interface ChangeMetadata {
  /** Whether the file exists. */
  present: boolean;
  schema?: string;
  created?: string;
  /** `skip_specs: true` in valid metadata: the change needs no spec delta. */
  skipSpecs: boolean;
  /** Why a file that sets skip_specs cannot be honoured (OpenSpec then reports an error). */
  invalid?: string;
}

/**
 * Reads `<change>/.openspec.yaml`. As in OpenSpec, a marker is honoured only in valid metadata: a file
 * that is not YAML, lacks `schema`, names a schema the repository does not have, or sets skip_specs to
 * something other than a boolean, is reported in `invalid` and counts as no marker. `openspec` is the
 * repository's `openspec/` folder, where project schemas live (`openspec/schemas/<name>/`).
 */
export async function readChangeMetadata(changeDir: string, openspec: string): Promise<ChangeMetadata> {
  const text = await readTextIfExists(join(changeDir, METADATA_FILE));
  if (text === undefined) return { present: false, skipSpecs: false };
  // OpenSpec reports a malformed file only when it tries to set the marker; otherwise it is ignored.
  const mentioned = /^\s*(['"]?)skip_specs\1\s*:/m.test(text);
  let parsed: unknown;
  try {
    parsed = parse(text);
  } catch {
    return { present: true, skipSpecs: false, ...(mentioned ? { invalid: 'the file is not valid YAML' } : {}) };
  }
  const result = ChangeMetadataSchema.safeParse(parsed);
  if (!result.success) {
    if (!mentioned) return { present: true, skipSpecs: false };
    const issue = result.error.issues[0]!;
    const where = issue.path.length > 0 ? `${issue.path.join('.')}: ` : '';
    return { present: true, skipSpecs: false, invalid: `${where}${issue.message}` };
  }
  const { schema, created, skip_specs: skip } = result.data;
  const metadata: ChangeMetadata = { present: true, schema, skipSpecs: false };
  if (created !== undefined) metadata.created = created;
  if (skip === true) {
    if (schema !== DEFAULT_SCHEMA && !(await isDirectory(join(openspec, 'schemas', schema)))) {
      metadata.invalid = `schema: unknown schema '${schema}'`;
    } else metadata.skipSpecs = true;
  }
  return metadata;
}

/** The `.openspec.yaml` that `openspec new change` writes: the schema and the local date. */
export function changeMetadataYaml(schema: string, created: string): string {
  return stringify({ schema, created });
}

/** True when `dir` holds any file at any depth: what contradicts a `skip_specs: true` marker. */
export async function hasAnyFile(dir: string): Promise<boolean> {
  const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
  for (const entry of entries) {
    if (entry.isFile()) return true;
    if (entry.isDirectory() && (await hasAnyFile(join(dir, entry.name)))) return true;
  }
  return false;
}
