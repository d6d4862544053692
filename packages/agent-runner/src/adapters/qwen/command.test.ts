import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { qwenArgs, type QwenRunOptions } from './command.js';
import { parseQwenCapabilities } from './probe.js';
import { qwenResumeCommand } from './resume-command.js';

const help = readFileSync(new URL('./fixtures/help-0.24.4.txt', import.meta.url), 'utf8');
const caps = parseQwenCapabilities('/bin/qwen', '0.24.4', help);
const base: QwenRunOptions = { runDir: '/runs/r1', sandbox: 'danger-full-access' };

describe('qwenArgs', () => {
  it('reads the flags of qwen-code 0.24.4 from its real --help', () => {
    expect(caps).toEqual({ bin: '/bin/qwen', version: '0.24.4', streamJson: true, approvalMode: true, includeDirectories: true, model: true, resume: true, promptInteractive: true });
  });

  it('prints stream-json events, approves every tool, adds the run dir; no positional prompt (it goes on stdin)', () => {
    expect(qwenArgs(caps, { ...base, model: 'qwen3-coder-plus' })).toEqual([
      '--output-format', 'stream-json', '--approval-mode', 'yolo', '--include-directories', '/runs/r1', '--model', 'qwen3-coder-plus',
    ]);
  });

  it('resumes by session id; read-only is plan mode; the interactive form takes the prompt with -i and prints no events', () => {
    expect(qwenArgs(caps, { ...base, sessionId: 's-1' }).slice(2, 4)).toEqual(['--resume', 's-1']);
    expect(qwenArgs(caps, { ...base, sandbox: 'read-only' })).toEqual(expect.arrayContaining(['--approval-mode', 'plan']));
    expect(qwenArgs(caps, { ...base, interactive: { prompt: '-- go' } })).toEqual(['--approval-mode', 'yolo', '--include-directories', '/runs/r1', '--prompt-interactive=-- go']);
  });

  it('never passes a flag the version lacks', () => {
    const old = { ...caps, approvalMode: false, includeDirectories: false };
    expect(qwenArgs(old, base)).toEqual(['--output-format', 'stream-json', '--yolo']);
    expect(qwenArgs(old, { ...base, sandbox: 'read-only' })).toEqual(['--output-format', 'stream-json']);
  });
});

describe('qwenResumeCommand', () => {
  it('resumes in the code dir with the prompt on stdin (plan mode when the run was read-only)', () => {
    const input = { codeDir: '/repo', runDir: '/runs/r1', sessionId: 's-1', prompt: 'finish it' };
    expect(qwenResumeCommand(input)).toEqual({
      argv: ['qwen', '--output-format', 'stream-json', '--resume', 's-1', '--approval-mode', 'yolo', '--include-directories', '/runs/r1'],
      cwd: '/repo',
      promptOnStdin: true,
    });
    expect(qwenResumeCommand({ ...input, sandbox: 'read-only' }).argv).toContain('plan');
  });
});
