import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { captureIo } from '@planwright/cli-kit';
import { tempDir } from '@planwright/test-utils';
import { describe, expect, it, onTestFinished, vi } from 'vitest';
import { fakeTask, orchestratorFixture, type Fixture } from '../../test/fixture.js';
import { main } from '../cli.js';

async function planwrightRun(fixture: Fixture, argv: string[], env: NodeJS.ProcessEnv = {}) {
  for (const [key, value] of Object.entries({ ...fixture.env, ...env })) vi.stubEnv(key, value);
  onTestFinished(() => {
    vi.unstubAllEnvs();
  });
  const io = captureIo();
  const code = await main(['run', '--repo', fixture.repo, '--pr', 'pr-1', '--compact-run', ...argv], io);
  return { code, stdout: io.stdout, stderr: io.stderr.trim() };
}

describe('--notify and notify in orchestrator.toml: bad targets', () => {
  it.each([
    [['--notify', 'email:me@example.com'], '--notify email:me@example.com: "email:me@example.com" is not a notification target'],
    [['--notify', 'desktop', '--notify', 'command:page-me {who}'], '--notify command:page-me {who}: command: unknown placeholder {who}'],
    [['--notify', 'ntfy:ntfy.sh/runs'], '--notify ntfy:ntfy.sh/runs: "ntfy.sh/runs" is not a URL'],
  ])('%j: exit 2, one line naming the flag and the forms, nothing written, no agent started', async (argv, message) => {
    const fixture = await orchestratorFixture([fakeTask('task_001')]);
    const { code, stderr } = await planwrightRun(fixture, argv);
    expect(code).toBe(2);
    expect(stderr.split('\n')).toHaveLength(1);
    expect(stderr).toContain(message);
    expect(stderr).toContain('a target is command:<program and args');
    expect(existsSync(join(fixture.planDir, 'runs'))).toBe(false);
    expect(await fixture.invocations()).toEqual([]);
  });

  it.each([
    ['notify = ["desktop", "pager"]', 'notify.1: "pager" is not a notification target'],
    ['notify = "desktop"', 'notify: '],
  ])('orchestrator.toml %s: exit 2 naming the file and the key, nothing written', async (toml, message) => {
    const fixture = await orchestratorFixture([fakeTask('task_001')]);
    const file = join(await tempDir('planwright-notify-config-'), 'orchestrator.toml');
    await writeFile(file, `${toml}\n`);
    const { code, stderr } = await planwrightRun(fixture, [], { CODEX_ORCH_CONFIG: file });
    expect(code).toBe(2);
    expect(stderr.split('\n')).toHaveLength(1);
    expect(stderr).toContain(`${file}: ${message}`);
    expect(existsSync(join(fixture.planDir, 'runs'))).toBe(false);
    expect(await fixture.invocations()).toEqual([]);
  });

  it("orchestrator.toml's notify is used when no --notify is given, and prints the summary line", async () => {
    const fixture = await orchestratorFixture([fakeTask('task_001')]);
    const seen = join(await tempDir('planwright-notify-config-'), 'seen.txt');
    const script = join(await tempDir('planwright-notify-config-'), 'note.sh');
    await writeFile(script, `#!/bin/sh\necho "$@" >> ${seen}\n`, { mode: 0o755 });
    const file = join(await tempDir('planwright-notify-config-'), 'orchestrator.toml');
    await writeFile(file, `notify = ["command:${script} {event} {reason}"]\n`);
    const { code, stdout } = await planwrightRun(fixture, [], { CODEX_ORCH_CONFIG: file });
    expect(code).toBe(0);
    expect(stdout.trimEnd().split('\n').at(-1)).toBe('run stopped: done');
    expect(await readFile(seen, 'utf8')).toBe('run_finished done\n');
  });
});
