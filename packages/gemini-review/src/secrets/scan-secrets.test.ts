import { describe, expect, it } from 'vitest';
import { findSecrets, redactSecrets } from './scan-secrets.js';

// Built from parts so that this file does not itself look like it holds secrets.
const AWS = 'AKIA' + 'Q3EXAMPLE7ABCDEFG'.slice(0, 16);
const GITHUB = 'ghp_' + 'a1B2c3D4e5F6g7H8i9J0k1L2m3N4o5P6q7R8';
const GOOGLE = 'AIza' + 'SyA1b2C3d4E5f6G7h8I9j0K1l2M3n4O5p6Q';
const ANTHROPIC = 'sk-ant-' + 'api03-abcdefghijklmnopqrstuvwxyz';
const KEY_BLOCK = ['-----BEGIN OPENSSH PRIVATE KEY-----', 'b3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQ', '-----END OPENSSH PRIVATE KEY-----'].join('\n');

describe('findSecrets', () => {
  it('finds key blocks, token shapes and .env-style assignments, with their line', () => {
    const text = [
      '# Plan options',
      KEY_BLOCK,
      `aws: ${AWS} and github ${GITHUB}`,
      `GOOGLE_KEY_IN_TEXT ${GOOGLE}`,
      `client = Anthropic(${ANTHROPIC})`,
      'export DATABASE_PASSWORD="hunter2hunter2"',
      '- STRIPE_SECRET: abcdef123456',
    ].join('\n');
    expect(findSecrets('PLAN_OPTIONS.md', text)).toEqual([
      { file: 'PLAN_OPTIONS.md', line: 2, kind: 'private key block' },
      { file: 'PLAN_OPTIONS.md', line: 5, kind: 'AWS access key id' },
      { file: 'PLAN_OPTIONS.md', line: 5, kind: 'GitHub token' },
      { file: 'PLAN_OPTIONS.md', line: 6, kind: 'Google API key' },
      { file: 'PLAN_OPTIONS.md', line: 7, kind: 'Anthropic API key' },
      { file: 'PLAN_OPTIONS.md', line: 8, kind: '.env-style assignment of DATABASE_PASSWORD' },
      { file: 'PLAN_OPTIONS.md', line: 9, kind: '.env-style assignment of STRIPE_SECRET' },
    ]);
  });

  it('leaves alone what plans usually say about secrets', () => {
    const text = [
      'Set GEMINI_API_KEY=x and OPENAI_API_KEY=${OPENAI_API_KEY} before running.',
      'API_KEY=<your key here>',
      'GITHUB_TOKEN: $GITHUB_TOKEN',
      'SECRET_KEY=changeme',
      'MAX_TOKENS=4096',
      'const apiKey = process.env.API_KEY;',
      'DB_PASSWORD=process.env.DB_PASSWORD',
      'The risk-assessment-of-the-whole-plan is low; task-1234567890abcdefghij is next.',
      'PASSWORD: ********',
    ].join('\n');
    expect(findSecrets('CONTEXT.md', text)).toEqual([]);
  });
});

describe('redactSecrets', () => {
  it('replaces each secret and nothing else', () => {
    const text = ['before', KEY_BLOCK, `token ${GITHUB} end`, 'API_TOKEN="abc123def456" # prod', 'after'].join('\n');
    const { text: redacted, count } = redactSecrets(text);
    expect(count).toBe(3);
    expect(redacted).toBe(['before', '[REDACTED PRIVATE KEY]', 'token [REDACTED] end', 'API_TOKEN="[REDACTED]" # prod', 'after'].join('\n'));
    expect(findSecrets('x', redacted)).toEqual([]);
  });

  it('redacts an unterminated key block to the end of the text', () => {
    expect(redactSecrets('a\n-----BEGIN RSA PRIVATE KEY-----\nMIIEowIBAAKCAQEA\nmore').text).toBe('a\n[REDACTED PRIVATE KEY]');
  });
});
