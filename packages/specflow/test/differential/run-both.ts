import { cp, readdir, readFile, stat } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { execa } from 'execa';
import { tempDir, writeFiles, type TempDirOptions } from '@planwright/test-utils';
import { archiveChange } from '../../src/archive/archive-change.js';
import { validateChange } from '../../src/validate.js';
import { runOpenspec } from './openspec-cli.js';

/** A generated repository: main specs by capability path, and the files of one change. */
export interface RepoCase {
  /** Capability path (`auth`, `platform/auth`) -> text of `openspec/specs/<path>/spec.md`. */
  specs: Record<string, string>;
  /** Path inside the change folder (`specs/auth/spec.md`, `proposal.md`) -> text. */
  change: Record<string, string>;
  /** The change folder's name. */
  name: string;
}

/** What one tool said and did on a case. */
export interface Outcome {
  valid: boolean;
  /** Codes of our findings (errors and warnings), or the messages of OpenSpec's issues with their level. */
  findings: string[];
  archived: boolean;
  /** `openspec/specs/` after the archive, by path, placeholder Purpose normalized. */
  specs: Record<string, string>;
}

/** The case as files of an OpenSpec 1.x repository. */
export function caseFiles(repoCase: RepoCase): Record<string, string> {
  const files: Record<string, string> = { 'openspec/config.yaml': 'schema: spec-driven\n' };
  for (const [path, text] of Object.entries(repoCase.specs)) files[`openspec/specs/${path}/spec.md`] = text;
  for (const [path, text] of Object.entries(repoCase.change)) files[`openspec/changes/${repoCase.name}/${path}`] = text;
  return files;
}

/**
 * Runs planwright (in-process) and the OpenSpec CLI (a process) on identical copies of the case. From an
 * `it.concurrent` test, pass the test context's `onTestFinished`, so the copies live exactly as long as it.
 */
export async function runBoth(
  repoCase: RepoCase,
  options: TempDirOptions = {},
): Promise<{ ours: Outcome; theirs: Outcome; before: Record<string, string> }> {
  const root = await tempDir('differential-', options);
  const ours = join(root, 'ours');
  await writeFiles(ours, caseFiles(repoCase));
  const theirs = join(root, 'theirs');
  await cp(ours, theirs, { recursive: true });
  // Each copy is a repository of its own, as a user's is: OpenSpec looks upward for the project's root, and
  // a stray `.git` above the temp folder (an empty /tmp/.git) would otherwise take it there.
  await Promise.all([ours, theirs].map((repo) => execa('git', ['init', '-q'], { cwd: repo })));
  const before = await readSpecs(ours);
  const [mine, other] = await Promise.all([runOurs(ours, repoCase.name), runTheirs(theirs, repoCase.name, join(root, 'home'))]);
  return { ours: mine, theirs: other, before };
}

async function runOurs(repo: string, change: string): Promise<Outcome> {
  const report = await validateChange({ repo, change, strict: true });
  const findings = report.diagnostics.filter((found) => found.severity !== 'info').map((found) => `${found.severity} ${found.code}`);
  const archived = await archiveChange({ repo, change }).then(() => true, () => false);
  return { valid: report.valid, findings, archived, specs: await readSpecs(repo) };
}

async function runTheirs(repo: string, change: string, home: string): Promise<Outcome> {
  const validated = await runOpenspec(['validate', '--strict', '--json', '--no-interactive', change], repo, home);
  let valid = false;
  let findings: string[] = [];
  try {
    const item = (JSON.parse(validated.stdout) as { items: { valid: boolean; issues: { level: string; message: string }[] }[] }).items[0]!;
    valid = item.valid;
    findings = item.issues.map((issue) => `${issue.level} ${issue.message}`);
  } catch {
    findings = [`unreadable output (exit ${validated.exitCode}): ${validated.stdout}${validated.stderr}`.slice(0, 400)];
  }
  const archive = await runOpenspec(['archive', '-y', change], repo, home);
  const gone = !(await exists(join(repo, 'openspec', 'changes', change)));
  return { valid, findings, archived: archive.exitCode === 0 && gone, specs: await readSpecs(repo) };
}

const OUR_PLACEHOLDER = /^TBD: created when the change .* was archived; describe what this capability is for\.$/m;
const THEIR_PLACEHOLDER = /^TBD - created by archiving change .*\. Update Purpose after archive\.$/m;

/** Every file under `openspec/specs/`, by path, with either tool's placeholder Purpose line made the same. */
async function readSpecs(repo: string): Promise<Record<string, string>> {
  const base = join(repo, 'openspec', 'specs');
  const files: Record<string, string> = {};
  const walk = async (dir: string): Promise<void> => {
    for (const entry of await readdir(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) await walk(path);
      else {
        const text = await readFile(path, 'utf8');
        files[relative(base, path).split(sep).join('/')] = text.replace(OUR_PLACEHOLDER, 'TBD <placeholder>').replace(THEIR_PLACEHOLDER, 'TBD <placeholder>');
      }
    }
  };
  // A copy that vanished mid-case must fail as such, not read as "no specs" and pass for a disagreement.
  if (!(await exists(join(repo, 'openspec', 'config.yaml')))) throw new Error(`${repo}: the case's copy is gone before the case ended`);
  if (await exists(base)) await walk(base);
  return files;
}

async function exists(path: string): Promise<boolean> {
  return stat(path).then(() => true, () => false);
}
