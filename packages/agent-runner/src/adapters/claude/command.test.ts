import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { claudeEnv } from './claude-adapter.js';
import { claudeArgs, type ClaudeRunOptions } from './command.js';
import { describeClaudeExit } from './exit-codes.js';
import { parseClaudeCapabilities } from './probe.js';

const help = readFileSync(new URL('./fixtures/help-2.1.197.txt', import.meta.url), 'utf8');
const caps = parseClaudeCapabilities('/bin/claude', '2.1.197', help);
const base: ClaudeRunOptions = { prompt: 'You are a code agent executing task_001.', runDir: '/runs/r1', sandbox: 'danger-full-access' };

describe('claudeArgs', () => {
  it('reads the flags of claude-code 2.1.197 from its real --help', () => {
    expect(caps).toEqual({ bin: '/bin/claude', version: '2.1.197', print: true, streamJson: true, verbose: true, permissionMode: true, skipPermissions: true, addDir: true, model: true, resume: true });
  });

  it('prints stream-json events (with --verbose), bypasses permissions, adds the run dir, and ends with -- and the prompt', () => {
    expect(claudeArgs(caps, { ...base, model: 'claude-sonnet-4-5' })).toEqual([
      '-p', '--output-format', 'stream-json', '--verbose', '--permission-mode', 'bypassPermissions', '--add-dir', '/runs/r1', '--model', 'claude-sonnet-4-5', '--', base.prompt,
    ]);
  });

  it('resumes by session id; read-only is plan mode; the interactive form prints nothing', () => {
    expect(claudeArgs(caps, { ...base, sessionId: 's-1' }).slice(4, 6)).toEqual(['--resume', 's-1']);
    expect(claudeArgs(caps, { ...base, sandbox: 'read-only' })).toEqual(expect.arrayContaining(['--permission-mode', 'plan']));
    expect(claudeArgs(caps, { ...base, interactive: true }).slice(0, 2)).toEqual(['--permission-mode', 'bypassPermissions']);
  });

  it('never passes a flag the version lacks', () => {
    const old = { ...caps, permissionMode: false, addDir: false, verbose: false };
    expect(claudeArgs(old, base)).toEqual(['-p', '--output-format', 'stream-json', '--dangerously-skip-permissions', '--', base.prompt]);
  });
});

describe('claudeEnv', () => {
  it('adds IS_SANDBOX as root only, and the retry bound, unless the user set them', () => {
    expect(claudeEnv({}, 2, 0)).toEqual({ IS_SANDBOX: '1', CLAUDE_CODE_MAX_RETRIES: '2' });
    expect(claudeEnv({}, 2, 1000)).toEqual({ CLAUDE_CODE_MAX_RETRIES: '2' });
    expect(claudeEnv({ IS_SANDBOX: 'yes', CLAUDE_CODE_MAX_RETRIES: '5' }, 2, 0)).toEqual({});
  });
});

describe('describeClaudeExit', () => {
  const state = (apiStatus?: number, failure?: string) => ({ turnEnded: true, events: 1, apiStatus, failure });

  it('names the API status, with what the result said', () => {
    expect(describeClaudeExit({ code: 1, signal: null }, state(401, 'API error 401: Invalid API key · Fix external API key'))).toBe(
      'authentication failed (HTTP 401): set ANTHROPIC_API_KEY, or run `claude` once and log in: API error 401: Invalid API key · Fix external API key',
    );
    expect(describeClaudeExit({ code: 1, signal: null }, state(429))).toBe('rate limit or quota exceeded (HTTP 429)');
    expect(describeClaudeExit({ code: 1, signal: null }, state(undefined, 'No conversation found'))).toBe('exit 1: No conversation found');
    expect(describeClaudeExit({ code: 1, signal: null }, state())).toBeUndefined();
    expect(describeClaudeExit({ code: 0, signal: null }, state(401))).toBeUndefined();
  });
});
