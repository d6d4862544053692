import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { geminiArgs, type GeminiRunOptions } from './command.js';
import { parseGeminiCapabilities } from './probe.js';

const help = readFileSync(new URL('./fixtures/help-0.61.0.txt', import.meta.url), 'utf8');
const caps = parseGeminiCapabilities('/bin/gemini', '0.61.0', help);
const base: GeminiRunOptions = { prompt: 'You are a code agent executing task_001.\n1) Read ...', runDir: '/runs/r1', sandbox: 'workspace-write' };

describe('parseGeminiCapabilities', () => {
  it('reads the flags of gemini 0.61 from its real --help', () => {
    expect(caps).toEqual({
      bin: '/bin/gemini',
      version: '0.61.0',
      prompt: true,
      promptInteractive: true,
      streamJson: true,
      approvalMode: true,
      planMode: true,
      yolo: true,
      skipTrust: true,
      includeDirectories: true,
      model: true,
      resume: true,
    });
  });

  it('sees what an older version lacks', () => {
    const older = help.replace(/^.*--skip-trust.*$/m, '').replace(/^.*--include-directories.*$/m, '').replace(/^.*--approval-mode.*$/m, '');
    expect(parseGeminiCapabilities('gemini', '0.1.0', older)).toMatchObject({ skipTrust: false, includeDirectories: false, approvalMode: false, planMode: false, yolo: true });
  });
});

describe('geminiArgs', () => {
  it('runs headless with events, every tool approved, trusted, the run dir in the workspace, the prompt last', () => {
    expect(geminiArgs(caps, { ...base, model: 'gemini-2.5-pro' })).toEqual([
      '--include-directories', '/runs/r1', '--output-format', 'stream-json', '--approval-mode', 'yolo', '--skip-trust', '--model', 'gemini-2.5-pro', `--prompt=${base.prompt}`,
    ]);
  });

  it('passes no model when none is named, and resumes by session id', () => {
    const args = geminiArgs(caps, { ...base, sessionId: 'c5001235-1576-470b-ab45-7c601c59d1ca' });
    expect(args.slice(0, 2)).toEqual(['--resume', 'c5001235-1576-470b-ab45-7c601c59d1ca']);
    expect(args).not.toContain('--model');
  });

  it('keeps a prompt that starts with a dash one argument (-p would read it as flags)', () => {
    expect(geminiArgs(caps, { ...base, prompt: '-- check again' }).at(-1)).toBe('--prompt=-- check again');
  });

  it('read-only is plan mode; the interactive form has no events', () => {
    expect(geminiArgs(caps, { ...base, sandbox: 'read-only' })).toEqual(expect.arrayContaining(['--approval-mode', 'plan']));
    const interactive = geminiArgs(caps, { ...base, interactive: true });
    expect(interactive).not.toContain('--output-format');
    expect(interactive.at(-1)).toBe(`--prompt-interactive=${base.prompt}`);
  });

  it('never passes a flag the version lacks', () => {
    const old = { ...caps, skipTrust: false, includeDirectories: false, approvalMode: false, planMode: false };
    expect(geminiArgs(old, base)).toEqual(['--output-format', 'stream-json', '--yolo', `--prompt=${base.prompt}`]);
  });
});
