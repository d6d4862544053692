import { readdir } from 'node:fs/promises';
import { captureIo } from '@planwright/cli-kit';
import { tempDir, tempPlanRepo } from '@planwright/test-utils';
import { describe, expect, it } from 'vitest';
import { main } from './cli.js';
import { runBoard } from './commands/run-board.js';

async function run(argv: string[]) {
  const io = captureIo();
  const code = await main(argv, io);
  return { code, stdout: io.stdout, stderr: io.stderr };
}

const plan = { goal: 'Ship it', tasks: [{ id: 'task_001', status: 'pending' }] };

describe('planwright-board: bad input', () => {
  it('exits 2 with one line naming what is wrong, and writes nothing', async () => {
    const { repo } = await tempPlanRepo({ plan });
    const before = await readdir(repo, { recursive: true });
    const cases: [string[], RegExp][] = [
      [['--repo', repo, '--pr', 'pr-9'], /\.plans\/pr-9\/plan\.json/],
      [['--repo', repo, '--pr', '///'], /--pr "\/\/\/": the slug is empty/],
      [['--repo', repo, '--pr', 'pr-1', '--port', '70000'], /--port 70000: not a port number/],
      [['--repo', repo, '--pr', 'pr-1', '--port', 'abc'], /--port: not a number/],
      [['--repo', repo, '--pr', 'pr-1', '--plan', 'x.json'], /mutually exclusive|conflicts/i],
      [['--repo', await tempDir(), '--json'], /--pr: no plan in .*\.plans/],
    ];
    for (const [argv, message] of cases) {
      const result = await run(argv);
      expect(result.code, argv.join(' ')).toBe(2);
      expect(result.stderr, argv.join(' ')).toMatch(message);
      expect(result.stdout).toBe('');
    }
    expect(await readdir(repo, { recursive: true })).toEqual(before);
  });

  it('names the PRs when .plans/ holds several and --pr is missing', async () => {
    const { repo } = await tempPlanRepo({ plan, files: { '.plans/pr-2/plan.json': JSON.stringify(plan) } });
    const result = await run(['--repo', repo]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/holds 2 PRs, name one.*pr-1, pr-2/);
  });
});

describe('planwright-board --json', () => {
  it('prints the URL with its token, serves until stopped, then exits 0', async () => {
    const { repo } = await tempPlanRepo({ plan });
    const io = captureIo();
    const stop = new AbortController();
    const done = runBoard({ repo, port: 0, open: false, allowControl: false, json: true }, io, stop.signal);
    await expect.poll(() => io.stdout, { timeout: 10_000 }).toContain('token=');
    const printed = JSON.parse(io.stdout) as { url: string; pr: string };
    expect(printed.pr).toBe('pr-1');
    const response = await fetch(new URL('/api/state', printed.url).href + new URL(printed.url).search);
    expect(((await response.json()) as { summary: { total: number } }).summary.total).toBe(1);
    stop.abort();
    await expect(done).resolves.toBe(0);
  });
});
