import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { captureIo, UsageError } from '@planwright/cli-kit';
import { runCli } from '@planwright/cli-kit/run-cli';
import { git, tempDir } from '@planwright/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { remoteFixture, type RemoteFixture } from '../../../test/remote-fixture.js';
import { main } from '../../cli.js';
import { runCommandWith } from '../../commands/index.js';
import type { ExecutorFactory } from '../executor.js';

afterEach(() => vi.unstubAllEnvs());

/** `planwright run` as the umbrella mounts it: with a `redis` executor (the test one, or `factory`). */
async function run(fixture: RemoteFixture, flags: string[], factory?: ExecutorFactory) {
  const io = captureIo();
  const command = runCommandWith(async () => ({ redis: factory ?? (async () => fixture.executor) }));
  const code = await runCli({ scriptName: 'planwright', version: '0', description: 'test', commands: [command] }, ['run', '--repo', fixture.repo, '--pr', 'pr-1', ...flags], io);
  return { code, stderr: io.stderr, stdout: io.stdout };
}

/** What a refused run must leave as it was: the plan, the checkout, no run folder, no job sent. */
async function snapshot(fixture: RemoteFixture) {
  return {
    plan: await readFile(fixture.planFile, 'utf8'),
    status: await git(fixture.repo, ['status', '--porcelain']),
    head: await git(fixture.repo, ['rev-parse', 'HEAD']),
    runs: await readdir(join(fixture.planDir, 'runs')).catch(() => []),
    bare: await git(fixture.bare, ['for-each-ref']),
  };
}

async function refused(fixture: RemoteFixture, flags: string[], line: RegExp, factory?: ExecutorFactory) {
  const before = await snapshot(fixture);
  const { code, stderr } = await run(fixture, flags, factory);
  expect(code).toBe(2);
  expect(stderr.trimEnd().split('\n')).toHaveLength(1);
  expect(stderr).toMatch(line);
  expect(await snapshot(fixture)).toEqual(before);
  expect(fixture.executor.requests).toEqual([]);
}

const plan = () => [{ id: 't1', title: 'One', status: 'pending' as const }];

describe('run --executor: bad input is refused before anything is written (exit 2, one line)', () => {
  it('codex-orchestrate and agent-runner have no executor: they name `planwright run`', async () => {
    const fixture = await remoteFixture(plan());
    const before = await snapshot(fixture);
    const io = captureIo();
    expect(await main(['run', '--repo', fixture.repo, '--pr', 'pr-1', '--executor', 'redis://:secret@127.0.0.1:6399'], io)).toBe(2);
    expect(io.stderr.trimEnd()).toBe('agent-runner: --executor redis://:***@127.0.0.1:6399: no executor for redis:// in codex-orchestrate (`planwright run` has it)');
    expect(await snapshot(fixture)).toEqual(before);
  });

  it('a scheme no executor serves', async () => {
    await refused(await remoteFixture(plan()), ['--executor', 'http://queue:80'], /--executor http:\/\/queue:80: no executor for http:\/\/ in this command \(known: redis:\/\/\)/);
  });

  it('a bad executor in orchestrator.toml names the file and key', async () => {
    const fixture = await remoteFixture(plan());
    const config = join(await tempDir('planwright-config-'), 'orchestrator.toml');
    await writeFile(config, 'executor = "amqp://queue"\n');
    vi.stubEnv('CODEX_ORCH_CONFIG', config);
    await refused(fixture, [], new RegExp(`${config.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: executor amqp://queue: no executor for amqp://`));
  });

  it('a URL the executor refuses', async () => {
    const fixture = await remoteFixture(plan());
    const factory: ExecutorFactory = async (url) => {
      throw new UsageError(`--executor ${url}: the database must be a number`);
    };
    await refused(fixture, ['--executor', 'redis://127.0.0.1:6399/x'], /--executor redis:\/\/127.0.0.1:6399\/x: the database must be a number/, factory);
  });

  it('a remote that does not exist', async () => {
    await refused(await remoteFixture(plan()), ['--executor', 'redis://127.0.0.1:6399', '--remote', 'upstream'], /--remote upstream: no such git remote in .* \(add it \(git remote add upstream <url>\)/);
  });

  it("a remote whose URL carries a password (every job would carry it)", async () => {
    const fixture = await remoteFixture(plan());
    await git(fixture.repo, ['remote', 'set-url', 'origin', 'https://bot:ghp_token@example.invalid/repo.git']);
    await refused(fixture, ['--executor', 'redis://127.0.0.1:6399'], /--remote origin: its URL carries a password.*credential helper/);
  });

  it('a code dir on no branch', async () => {
    const fixture = await remoteFixture(plan());
    await git(fixture.repo, ['checkout', '--quiet', '--detach']);
    await refused(fixture, ['--executor', 'redis://127.0.0.1:6399'], /--code-dir .*: not on a branch \(detached HEAD\)/);
  });

  it('--no-wait and --no-sync-plan (the coordinator stays to integrate, and writes the plan)', async () => {
    const fixture = await remoteFixture(plan());
    await refused(fixture, ['--executor', 'redis://127.0.0.1:6399', '--no-wait'], /--no-wait cannot be used with --executor/);
    await refused(fixture, ['--executor', 'redis://127.0.0.1:6399', '--no-sync-plan'], /--no-sync-plan cannot be used with --executor/);
  });
});
