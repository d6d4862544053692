import { describe, expect, it } from 'vitest';
import { KIT_FLAGS } from '../orchestrate/option-table.js';
import { expandFlagPrefixes } from './flag-prefixes.js';

const FLAGS = ['max-tasks', 'max-pause-minutes', 'reuse-run', 'results-grace-seconds', 'retries'];

describe('expandFlagPrefixes', () => {
  it("keeps a kit script's shortened flag when planwright adds one that also fits", () => {
    expect(expandFlagPrefixes(['--max', '2'], FLAGS, ['max-tasks', 'reuse-run', 'results-grace-seconds'])).toEqual(['--max-tasks', '2']);
    expect(expandFlagPrefixes(['--max=2'], FLAGS, KIT_FLAGS)).toEqual(['--max-tasks=2']);
  });

  it('is an ambiguous option, naming every flag it fits, when the kit had several of them too', () => {
    expect(() => expandFlagPrefixes(['--re', '1'], FLAGS, ['reuse-run', 'results-grace-seconds'])).toThrow(
      'ambiguous option: --re could match --reuse-run, --results-grace-seconds, --retries',
    );
    expect(() => expandFlagPrefixes(['--max', '2'], FLAGS)).toThrow('ambiguous option: --max could match --max-tasks, --max-pause-minutes');
  });

  it('the kit flags hold none of the flags planwright added', () => {
    expect(KIT_FLAGS).toContain('max-tasks');
    expect(KIT_FLAGS).toContain('no-sync-plan');
    expect(KIT_FLAGS).not.toContain('max-pause-minutes');
    expect(KIT_FLAGS).not.toContain('budget-usd');
  });
});
