import { describe, expect, it } from 'vitest';
import { codexExecArgs, codexResumeArgs, type CodexExecOptions } from './command.js';
import { parseCapabilities, type CodexCapabilities } from './probe.js';

const help0169 = `Run Codex non-interactively

Usage: codex exec [OPTIONS] [PROMPT] [COMMAND]

Commands:
  resume  Resume a previous session by id or pick the most recent with --last
  help    Print this message or the help of the given subcommand(s)

Options:
  -c, --config <key=value>   Override a configuration value
  -m, --model <MODEL>        Model the agent should use
  -s, --sandbox <SANDBOX_MODE>
      --dangerously-bypass-approvals-and-sandbox
  -C, --cd <DIR>             Tell the agent to use the specified directory as its working root
      --add-dir <DIR>        Additional directories that should be writable
      --skip-git-repo-check  Allow running Codex outside a Git repository
      --json                 Print events to stdout as JSONL
  -o, --output-last-message <FILE>
`;

const caps0169 = parseCapabilities('/bin/codex', 'codex-cli 0.169.0\n', help0169);
const capsOld: CodexCapabilities = { ...caps0169, version: '0.40.0', fullAuto: true };
const base: CodexExecOptions = { codeDir: '/repo', runDir: '/runs/r1', sandbox: 'workspace-write', approval: 'never', lastMessagePath: '/runs/r1/last_message_t1.txt' };

describe('parseCapabilities', () => {
  it('reads the version and the flags codex 0.169 has (no --full-auto)', () => {
    expect(caps0169).toEqual({
      bin: '/bin/codex',
      version: '0.169.0',
      fullAuto: false,
      bypassSandbox: true,
      skipGitRepoCheck: true,
      addDir: true,
      json: true,
      outputLastMessage: true,
      resume: true,
    });
  });

  it('sees --full-auto where a version still has it', () => {
    expect(parseCapabilities('codex', 'codex-cli 0.40.0', `${help0169}      --full-auto   Convenience alias\n`).fullAuto).toBe(true);
  });
});

describe('codexExecArgs', () => {
  it('builds exec with the workspace, the run dir, JSON events, the last message file and the prompt on stdin', () => {
    expect(codexExecArgs(caps0169, base)).toEqual([
      'exec', '-C', '/repo', '--add-dir', '/runs/r1', '--skip-git-repo-check', '-s', 'workspace-write', '--json', '-o', '/runs/r1/last_message_t1.txt', '-',
    ]);
  });

  it('maps danger-full-access + never to the bypass flag', () => {
    expect(codexExecArgs(caps0169, { ...base, sandbox: 'danger-full-access' })).toContain('--dangerously-bypass-approvals-and-sandbox');
    expect(codexExecArgs(caps0169, { ...base, sandbox: 'danger-full-access' })).not.toContain('-s');
  });

  it('passes --full-auto for workspace-write + on-request only where the version has it', () => {
    expect(codexExecArgs(capsOld, { ...base, approval: 'on-request' })).toContain('--full-auto');
    const args = codexExecArgs(caps0169, { ...base, approval: 'on-request' });
    expect(args).not.toContain('--full-auto');
    expect(args).toEqual(expect.arrayContaining(['-s', 'workspace-write']));
  });

  it('puts -C, -s and --add-dir before resume, and the thread id after', () => {
    const args = codexResumeArgs(caps0169, { ...base, model: 'gpt-5.5' }, 'th_1');
    expect(args.slice(args.indexOf('resume'))).toEqual(['resume', '--json', 'th_1', '-']);
    expect(args.indexOf('-C')).toBeLessThan(args.indexOf('resume'));
    expect(args.indexOf('-s')).toBeLessThan(args.indexOf('resume'));
    expect(args).toEqual(expect.arrayContaining(['-m', 'gpt-5.5']));
  });
});
