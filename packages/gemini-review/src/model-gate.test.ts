import { UsageError } from '@planwright/cli-kit';
import { describe, expect, it } from 'vitest';
import { checkModel } from './model-gate.js';

function refusal(reviewer: 'gemini' | 'codex' | 'claude', model: string): string {
  try {
    checkModel(reviewer, model);
  } catch (error) {
    expect(error).toBeInstanceOf(UsageError);
    return `${(error as UsageError).message} (${(error as UsageError).hint})`;
  }
  return 'passed';
}

describe('the model gate', () => {
  it('passes Gemini 3 pro models', () => {
    expect(refusal('gemini', 'gemini-3-pro-preview')).toBe('passed');
    expect(refusal('gemini', 'gemini-3-pro')).toBe('passed');
  });

  it('refuses each gemini rule by name, with a model that passes', () => {
    expect(refusal('gemini', 'gemini-2.5-pro')).toBe(
      '--model gemini-2.5-pro: refused for a gemini review: it does not start with "gemini-3-" (plan reviews need a Gemini 3 model) (try --model gemini-3-pro-preview)',
    );
    expect(refusal('gemini', 'gemini-3-flash-preview')).toBe(
      '--model gemini-3-flash-preview: refused for a gemini review: it contains "flash" (flash models are too light for a plan review) (try --model gemini-3-pro-preview)',
    );
    expect(refusal('gemini', 'gemini-3-ultra')).toBe(
      '--model gemini-3-ultra: refused for a gemini review: it lacks "pro" (plan reviews need a pro model) (try --model gemini-3-pro-preview)',
    );
    // Case does not get around a rule.
    expect(refusal('gemini', 'Gemini-3-Pro-FLASH')).toMatch(/contains "flash"/);
  });

  it('gates codex and claude models only when one is given, on their own light tiers', () => {
    expect(() => checkModel('codex', undefined)).not.toThrow();
    expect(() => checkModel('claude', undefined)).not.toThrow();
    expect(refusal('codex', 'gpt-5.5')).toBe('passed');
    expect(refusal('codex', 'gpt-5-mini')).toMatch(/^--model gpt-5-mini: refused for a codex review: it is a mini\/nano model .* \(try --model gpt-5.5\)$/);
    expect(refusal('claude', 'opus')).toBe('passed');
    expect(refusal('claude', 'claude-haiku-4-5')).toMatch(/refused for a claude review: it is a haiku model .* \(try --model opus\)$/);
  });

  it('refuses what is not a model name at all (it would be read as a flag)', () => {
    expect(refusal('codex', '--dangerously-bypass-approvals-and-sandbox')).toMatch(/not a model name/);
    expect(refusal('claude', 'opus 4')).toMatch(/not a model name/);
  });
});
