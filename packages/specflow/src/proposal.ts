import { UsageError } from '@planwright/cli-kit';
import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parse } from 'yaml';
import { changeMetadataYaml, DEFAULT_SCHEMA, METADATA_FILE } from './change/change-metadata.js';
import { detectLayout, localDate, type DetectedLayout } from './layout/openspec-layout.js';
import { changePaths, isFile, repoPath, type RepoOptions } from './layout/paths.js';
import { slugify } from '@planwright/plan-schema';
import { writeUnlessExists, type WriteOutcome } from './layout/write-new.js';
import { designTemplate, proposalTemplate, tasksTemplate } from './templates.js';
import { proposalTemplateOpenspec1 } from './templates-openspec-1.js';

export interface ProposalOptions extends RepoOptions {
  /** The change name; the slug rule makes it a folder name (`Add Login!` -> `add-login`). */
  change: string;
  /** Overwrite proposal.md, tasks.md and design.md when they exist. */
  force?: boolean;
  /** The date written to `.openspec.yaml` in OpenSpec 1.x repositories (default today, local time). */
  at?: Date;
}

export interface ProposalResult {
  change: string;
  /** Repository path of the change folder. */
  dir: string;
  files: { file: string; outcome: WriteOutcome }[];
}

/**
 * Creates `openspec/changes/<change>/` with proposal.md, tasks.md, design.md and an empty `specs/`.
 * Existing files are kept unless `force`. The kit's layout needs `openspec/project.md` (run
 * `initOpenspec` first); in an OpenSpec 1.x repository (`openspec/config.yaml`) the proposal follows
 * OpenSpec's template (Why, What Changes, Impact) and `.openspec.yaml` is written as
 * `openspec new change` writes it (the schema and the date; never overwritten).
 *
 * @example
 * const { dir } = await createProposal({ repo: '.', change: 'add-2fa' }); // openspec/changes/add-2fa
 */
export async function createProposal(options: ProposalOptions): Promise<ProposalResult> {
  const layout = await detectLayout(options);
  const change = changePaths(layout, slugify(options.change));
  const openspec1 = layout.kind === 'openspec-1';
  if (!openspec1 && !(await isFile(layout.projectMd))) {
    throw new UsageError(`${repoPath(layout, layout.projectMd)}: missing`, { hint: 'run "specflow init" first' });
  }
  // Read before anything is written, so a malformed config.yaml leaves the disk as it was.
  const schema = openspec1 ? await configSchema(layout) : undefined;
  await mkdir(change.specs, { recursive: true });
  const force = options.force ?? false;
  const files: ProposalResult['files'] = [];
  const offer = async (file: string, text: string, overwrite: boolean) => {
    files.push({ file: repoPath(layout, file), outcome: await writeUnlessExists(file, text, overwrite) });
  };
  if (schema !== undefined) {
    await offer(join(change.dir, METADATA_FILE), changeMetadataYaml(schema, localDate(options.at ?? new Date())), false);
  }
  await offer(change.proposal, openspec1 ? proposalTemplateOpenspec1(change.name) : proposalTemplate(change.name), force);
  await offer(change.tasks, tasksTemplate(), force);
  await offer(change.design, designTemplate(), force);
  return { change: change.name, dir: repoPath(layout, change.dir), files };
}

// The schema a new change gets: config.yaml's `schema`, else OpenSpec's default.
async function configSchema(layout: DetectedLayout): Promise<string> {
  const file = repoPath(layout, layout.config);
  let config: unknown;
  try {
    config = parse(await readFile(layout.config, 'utf8'));
  } catch (cause) {
    throw new UsageError(`${file}: not valid YAML (${(cause as Error).message.split('\n')[0]})`, {
      hint: 'fix the file, or compare it with what "specflow init --layout openspec-1" writes',
    });
  }
  const schema = (config as { schema?: unknown } | null)?.schema;
  if (schema === undefined) return DEFAULT_SCHEMA;
  if (typeof schema !== 'string' || schema.trim() === '') {
    throw new UsageError(`${file}: schema: must be a schema name such as ${DEFAULT_SCHEMA}`, {
      hint: `write "schema: ${DEFAULT_SCHEMA}"`,
    });
  }
  return schema;
}
