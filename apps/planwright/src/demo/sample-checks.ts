import { execa } from 'execa';

/** What `node test.mjs` of the sample says: the checks that pass and the ones that fail. */
export interface SampleChecks {
  passed: string[];
  failed: string[];
  exitCode: number | undefined;
}

/** Runs every check of the sample project with plain node (its `test.mjs`, no install). */
export async function runSampleChecks(repo: string, env: NodeJS.ProcessEnv): Promise<SampleChecks> {
  const run = await execa(process.execPath, ['test.mjs'], { cwd: repo, env, extendEnv: false, reject: false, stdin: 'ignore', timeout: 60_000 });
  const lines = String(run.stdout).split('\n');
  const named = (prefix: string) => lines.filter((line) => line.startsWith(prefix)).map((line) => line.slice(prefix.length).split(':')[0]!.trim());
  return { passed: named('ok '), failed: named('FAIL '), exitCode: run.exitCode };
}

/** `2 pass, 4 fail (slugify, ...)` */
export function formatChecks(checks: SampleChecks): string {
  return `${checks.passed.length} pass, ${checks.failed.length} fail${checks.failed.length ? ` (${checks.failed.join(', ')})` : ''}`;
}
