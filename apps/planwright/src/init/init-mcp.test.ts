import { existsSync } from 'node:fs';
import { readFile, readdir, stat, writeFile, mkdir, chmod } from 'node:fs/promises';
import { join } from 'node:path';
import { captureIo } from '@planwright/cli-kit';
import { tempDir } from '@planwright/test-utils';
import { parse } from 'smol-toml';
import { describe, expect, it, onTestFinished, vi } from 'vitest';
import { main } from '../cli.js';

async function run(argv: string[]) {
  const io = captureIo();
  const code = await main(argv, io);
  return { code, stdout: io.stdout, stderr: io.stderr };
}

/** A repo and a home whose user files the tests may write (HOME, CODEX_HOME, GEMINI_CLI_HOME). */
async function setup() {
  const home = await tempDir();
  for (const [key, value] of Object.entries({ HOME: home, CODEX_HOME: join(home, '.codex'), GEMINI_CLI_HOME: home, CLAUDE_CONFIG_DIR: undefined })) vi.stubEnv(key, value);
  onTestFinished(() => {
    vi.unstubAllEnvs();
  });
  return { home, repo: await tempDir() };
}

const CODEX_BEFORE = `# my codex settings
model = "gpt-5.5"

[mcp_servers.other]
command = "other-server"
args = ["--x"]

[mcp_servers.planwright]
# started from the checkout
command = "old"
args = [
  "a",
  "b",
]
startup_timeout_sec = 20

[mcp_servers.planwright.env]
FOO = "1"

[projects."/somewhere"]
trust_level = "trusted"
`;

describe('planwright init --mcp', () => {
  it('codex: adds [mcp_servers.planwright] to the project .codex/config.toml, then changes nothing the second time', async () => {
    const { repo } = await setup();
    const first = await run(['init', '--repo', repo, '--mcp', 'codex']);
    expect(first.code).toBe(0);
    expect(first.stdout).toContain('mcp codex: created .codex/config.toml (server "planwright": planwright mcp)\n');
    expect(first.stdout).toContain('note: codex reads .codex/config.toml only in a trusted project');
    expect(existsSync(join(repo, '.plans/PLANNER.md'))).toBe(true);
    const text = await readFile(join(repo, '.codex/config.toml'), 'utf8');
    expect(parse(text)).toEqual({ mcp_servers: { planwright: { command: 'planwright', args: ['mcp'] } } });
    const again = JSON.parse((await run(['init', '--repo', repo, '--mcp', 'codex', '--json'])).stdout);
    expect(again.mcp).toMatchObject({ client: 'codex', scope: 'project', action: 'unchanged', format: 'toml' });
    expect(await readFile(join(repo, '.codex/config.toml'), 'utf8')).toBe(text);
  });

  it('codex: an existing table gets the command and args; comments, other servers and its own keys are kept', async () => {
    const { repo } = await setup();
    await mkdir(join(repo, '.codex'));
    await writeFile(join(repo, '.codex/config.toml'), CODEX_BEFORE);
    expect((await run(['init', '--repo', repo, '--mcp', 'codex'])).stdout).toContain('mcp codex: updated .codex/config.toml');
    const text = await readFile(join(repo, '.codex/config.toml'), 'utf8');
    expect(text).toContain('# my codex settings\n');
    expect(text).toContain('[mcp_servers.planwright]\ncommand = "planwright"\nargs = ["mcp"]\n# started from the checkout\nstartup_timeout_sec = 20\n');
    expect(parse(text)).toEqual({
      model: 'gpt-5.5',
      mcp_servers: { other: { command: 'other-server', args: ['--x'] }, planwright: { command: 'planwright', args: ['mcp'], startup_timeout_sec: 20, env: { FOO: '1' } } },
      projects: { '/somewhere': { trust_level: 'trusted' } },
    });
  });

  it('codex --global: $CODEX_HOME/config.toml, and no trust note', async () => {
    const { home, repo } = await setup();
    const { code, stdout } = await run(['init', '--repo', repo, '--mcp', 'codex', '--global']);
    expect(code).toBe(0);
    expect(stdout).toContain(`mcp codex: created ${join(home, '.codex/config.toml')}`);
    expect(stdout).not.toContain('note: codex');
    expect(existsSync(join(repo, '.codex'))).toBe(false);
  });

  it('claude: .mcp.json in the project, other servers and keys kept; --global keeps ~/.claude.json private', async () => {
    const { home, repo } = await setup();
    await writeFile(join(repo, '.mcp.json'), JSON.stringify({ mcpServers: { other: { command: 'x' } }, extra: true }));
    const { stdout } = await run(['init', '--repo', repo, '--mcp', 'claude']);
    expect(stdout).toContain('mcp claude: updated .mcp.json');
    expect(JSON.parse(await readFile(join(repo, '.mcp.json'), 'utf8'))).toEqual({
      mcpServers: { other: { command: 'x' }, planwright: { type: 'stdio', command: 'planwright', args: ['mcp'] } },
      extra: true,
    });
    await writeFile(join(home, '.claude.json'), JSON.stringify({ userID: 'u', mcpServers: { planwright: { command: 'old', env: { A: '1' } } } }));
    await chmod(join(home, '.claude.json'), 0o600);
    await run(['init', '--repo', repo, '--mcp', 'claude', '--global']);
    expect(JSON.parse(await readFile(join(home, '.claude.json'), 'utf8'))).toEqual({ userID: 'u', mcpServers: { planwright: { command: 'planwright', env: { A: '1' }, type: 'stdio', args: ['mcp'] } } });
    expect((await stat(join(home, '.claude.json'))).mode & 0o777).toBe(0o600);
  });

  it('gemini: mcpServers in .gemini/settings.json, the other settings kept', async () => {
    const { repo } = await setup();
    await mkdir(join(repo, '.gemini'));
    await writeFile(join(repo, '.gemini/settings.json'), JSON.stringify({ general: { maxAttempts: 3 } }));
    expect((await run(['init', '--repo', repo, '--mcp', 'gemini'])).code).toBe(0);
    expect(JSON.parse(await readFile(join(repo, '.gemini/settings.json'), 'utf8'))).toEqual({ general: { maxAttempts: 3 }, mcpServers: { planwright: { command: 'planwright', args: ['mcp'] } } });
  });

  it.each([
    ['--global without --mcp', ['--global'], undefined, /^planwright: --global: only with --mcp \(name the agent CLI whose user configuration to write, e\.g\. --mcp codex --global\)\n$/],
    ['an unknown CLI', ['--mcp', 'cursor'], undefined, /^planwright: --mcp: unknown agent CLI "cursor" \(use one of codex, claude, gemini\)\n$/],
    ['invalid TOML', ['--mcp', 'codex'], ['.codex/config.toml', 'model = [\n'], /^planwright: .*\.codex\/config\.toml:\d+:\d+: invalid TOML \(.*\) \(fix the file, or move it away and run again\)\n$/],
    ['invalid JSON', ['--mcp', 'claude'], ['.mcp.json', '{"mcpServers": '], /^planwright: .*\.mcp\.json: not valid JSON \(.*\) \(fix the file, or move it away and run again\)\n$/],
    ['mcpServers not an object', ['--mcp', 'gemini'], ['.gemini/settings.json', '{"mcpServers": []}'], /^planwright: .*settings\.json: mcpServers must be an object of servers by name \(fix the field, or remove it and run again\)\n$/],
    ['planwright as a dotted key', ['--mcp', 'codex'], ['.codex/config.toml', 'mcp_servers.planwright.command = "x"\n'], /^planwright: .*config\.toml: mcp_servers\.planwright is not written as a \[mcp_servers\.planwright\] table \(rewrite it as one, or remove it and run again\)\n$/],
  ])('%s: exit 2, one line, nothing written', async (_name, flags, file, message) => {
    const { repo } = await setup();
    if (file) {
      await mkdir(join(repo, file[0]!, '..'), { recursive: true });
      await writeFile(join(repo, file[0]!), file[1]!);
    }
    const before = await readdir(repo, { recursive: true });
    const { code, stdout, stderr } = await run(['init', '--repo', repo, ...flags]);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toMatch(message);
    expect(await readdir(repo, { recursive: true })).toEqual(before);
    if (file) expect(await readFile(join(repo, file[0]!), 'utf8')).toBe(file[1]);
  });
});
