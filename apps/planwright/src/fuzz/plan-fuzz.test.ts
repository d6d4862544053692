import { createHash } from 'node:crypto';
import { mkdir, mkdtemp, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { captureIo, type AnyCommandModule, type CliIo } from '@planwright/cli-kit';
import { runCli } from '@planwright/cli-kit/run-cli';
import { planSchemaCommands } from '@planwright/plan-schema/commands';
import { runStoreCommands } from '@planwright/run-store/commands';
import { specflowCommands } from '@planwright/specflow/commands';
import { tempDir } from '@planwright/test-utils';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { main as planwright } from '../cli.js';
import { firstTaskId, planTextArb } from './plan-arbitraries.js';

// Mutated plan.json files through every command that reads a plan, in process. Whatever the file holds:
// exit 0, or exit 2 with exactly one line on stderr and nothing on disk changed; never a stack trace.
// Bounded (a fixed seed, 60 runs a command); a failure prints the seed and the shrunk plan to replay it.
const SEED = Number(process.env.PLANWRIGHT_FUZZ_SEED ?? 20261206);
const RUNS = Number(process.env.PLANWRIGHT_FUZZ_RUNS ?? 60);

type Main = (argv: string[], io: CliIo) => Promise<number>;
// Each package's bin is runCli over its exported command modules (its cli.ts adds only help text).
const bin = (scriptName: string, commands: AnyCommandModule[]): Main => (argv, io) => runCli({ scriptName, commands, version: '0.0.0', description: scriptName }, argv, io);
const planSchema = bin('plan-schema', planSchemaCommands);
const specflow = bin('specflow', specflowCommands);
const runStore = bin('run-store', runStoreCommands);

interface Command {
  name: string;
  main: Main;
  argv: (repo: string, planFile: string, taskId: string) => string[];
  /** Exit codes besides 0 and 2 that are answers: `verify` exits 1 when a verify command fails. */
  alsoOk?: number[];
  /** It runs the plan's verify commands: random text must not reach a shell. */
  runsVerify?: boolean;
  /** A validator: one line per problem it found (each naming the file), not only the first. */
  listsProblems?: boolean;
}

const plan = (repo: string) => ['--repo', repo, '--pr', 'pr-1'];
const commands: Command[] = [
  { name: 'plan-schema validate', main: planSchema, argv: (_repo, planFile) => ['validate', planFile], listsProblems: true },
  { name: 'plan-schema next', main: planSchema, argv: (repo) => ['next', ...plan(repo)] },
  { name: 'plan-schema status', main: planSchema, argv: (repo) => ['status', ...plan(repo)] },
  { name: 'plan-schema mark-verified', main: planSchema, argv: (repo, _file, task) => ['mark-verified', ...plan(repo), `--task=${task}`, '--note', 'fuzz'] },
  { name: 'specflow validate-plan', main: specflow, argv: (repo) => ['validate-plan', ...plan(repo)], listsProblems: true },
  { name: 'run-store sync-plan', main: runStore, argv: (repo) => ['sync-plan', ...plan(repo)] },
  { name: 'planwright status', main: planwright, argv: (repo) => ['status', ...plan(repo)] },
  { name: 'planwright next', main: planwright, argv: (repo) => ['next', ...plan(repo)] },
  { name: 'planwright verify', main: planwright, argv: (repo, _file, task) => ['verify', ...plan(repo), `--task=${task}`], alsoOk: [1], runsVerify: true },
];

/** Every file and folder under `dir` with its bytes and mtime: "nothing changed" is checked against it. */
async function snapshot(dir: string): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    const path = join(entry.parentPath, entry.name);
    const info = await stat(path);
    out.set(path, entry.isFile() ? `${info.mtimeMs} ${createHash('sha1').update(await readFile(path)).digest('hex')}` : 'dir');
  }
  return out;
}

describe('plan.json fuzz: every plan command, any file', () => {
  it.each(commands)('$name', async (command) => {
    const root = await tempDir('planwright-fuzz-');
    await fc.assert(
      fc.asyncProperty(planTextArb({ safeVerify: command.runsVerify }), async (text) => {
        const repo = await mkdtemp(join(root, 'r-'));
        const planFile = join(repo, '.plans', 'pr-1', 'plan.json');
        await mkdir(join(repo, '.plans', 'pr-1'), { recursive: true });
        await writeFile(planFile, text);
        const before = await snapshot(repo);
        const io = captureIo();
        const code = await command.main(command.argv(repo, planFile, firstTaskId(text)), io);
        expect([0, 2, ...(command.alsoOk ?? [])], `exit ${code}: ${io.stderr}`).toContain(code);
        expect(io.stderr, 'a stack trace').not.toMatch(/^\s+at |RangeError|TypeError|Maximum call stack/m);
        if (code !== 2) return;
        const lines = io.stderr.trimEnd().split('\n');
        if (command.listsProblems) for (const line of lines) expect(line, 'each problem names the file').toMatch(/plan\.json(:\d+:\d+)?: \S/);
        else expect(lines, 'one line on stderr').toHaveLength(1);
        expect(io.stderr.trim(), 'a message').not.toBe('');
        expect(await snapshot(repo), 'nothing changed on disk').toEqual(before);
      }),
      { numRuns: RUNS, seed: SEED, endOnFailure: true },
    );
  });
});
