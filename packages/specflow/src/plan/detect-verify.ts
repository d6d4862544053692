import type { VerifyOverrides } from '@planwright/plan-schema';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { isFile } from '../layout/paths.js';
import { readTextIfExists } from '../layout/read-text.js';
import { verifyFromProject } from './project-verify.js';

/** Where the verify of tasks without their own `Verify:` line came from. */
export type VerifySource = 'default_verify' | 'package.json' | 'xcodeproj' | 'project.md' | 'placeholder';

export interface DetectedVerify {
  /** The commands; empty for `placeholder` (each task then gets its own failing placeholder). */
  commands: string[];
  source: VerifySource;
  /** Where exactly, for people: `package.json "typecheck" script, pnpm-lock.yaml`. */
  from: string;
  /** Files that were looked at and could not be used (a package.json that is not JSON). */
  warnings: string[];
}

export interface DetectVerifyOptions {
  /** The repository root, where package.json, the lock files and the .xcodeproj are looked for. */
  root: string;
  overrides?: VerifyOverrides;
  /** Path of openspec/project.md. */
  projectMd?: string;
}

// Which package manager runs the scripts, by lock file, first found; none means npm.
const LOCK_FILES = [
  ['pnpm-lock.yaml', (script: string) => `pnpm ${script}`],
  ['yarn.lock', (script: string) => `yarn ${script}`],
  ['package-lock.json', (script: string) => (script === 'test' ? 'npm test' : `npm run ${script}`)],
] as const;

/**
 * The repository's verify commands, first found: the overrides file's `default_verify`; package.json's
 * `typecheck` script, else its `test` script, run with the package manager of the lock file; a single
 * `*.xcodeproj` in the root (`xcodebuild -list -project <name>`); openspec/project.md's commands; else
 * `placeholder`: nothing found, the planner must fill verify in.
 *
 * @example
 * await detectVerify({ root: '.' }) // { commands: ['pnpm typecheck'], source: 'package.json', ... }
 */
export async function detectVerify(options: DetectVerifyOptions): Promise<DetectedVerify> {
  const warnings: string[] = [];
  const found = (commands: string[], source: VerifySource, from: string) => ({ commands, source, from, warnings });
  const fromOverrides = options.overrides?.default_verify ?? [];
  if (fromOverrides.length > 0) return found([...fromOverrides], 'default_verify', "the overrides file's default_verify");
  const packageText = await readTextIfExists(join(options.root, 'package.json'));
  const script = packageText === undefined ? undefined : packageScript(packageText, warnings);
  if (script !== undefined) {
    let lock: (typeof LOCK_FILES)[number] | undefined;
    for (const candidate of LOCK_FILES) if (!lock && (await isFile(join(options.root, candidate[0])))) lock = candidate;
    const command = (lock?.[1] ?? LOCK_FILES[2][1])(script);
    return found([command], 'package.json', `package.json "${script}" script, ${lock?.[0] ?? 'no lock file'}`);
  }
  const projects = (await readdir(options.root).catch(() => [] as string[])).filter((name) => name.endsWith('.xcodeproj'));
  if (projects.length === 1) {
    return found([`xcodebuild -list -project ${shellWord(projects[0]!)}`], 'xcodeproj', projects[0]!);
  }
  const projectMd = options.projectMd === undefined ? undefined : await readTextIfExists(options.projectMd);
  const declared = projectMd === undefined ? [] : verifyFromProject(projectMd);
  if (declared.length > 0) return found(declared, 'project.md', 'openspec/project.md');
  return found([], 'placeholder', 'nothing found');
}

/** `typecheck`, else `test`, when package.json has such a script. */
function packageScript(text: string, warnings: string[]): string | undefined {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    warnings.push('package.json is not valid JSON: its scripts are not used for verify');
    return undefined;
  }
  const scripts = (data as { scripts?: unknown } | null)?.scripts;
  if (typeof scripts !== 'object' || scripts === null) return undefined;
  const has = (name: string) => typeof (scripts as Record<string, unknown>)[name] === 'string';
  return ['typecheck', 'test'].find(has);
}

// Verify commands run in a shell: a project name with spaces or quotes must stay one word.
function shellWord(word: string): string {
  return /^[\w./@+-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`;
}

/** The verify of a task nobody has given one: it fails, so that auto-verify can never pass it. */
export function placeholderVerify(taskId: string): string[] {
  return [`echo 'TODO: set verify for ${taskId}' && exit 1`];
}
