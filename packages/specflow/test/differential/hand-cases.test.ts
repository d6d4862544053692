import { beforeAll, describe, expect, it } from 'vitest';
import { unexplainedDisagreement } from './differences.js';
import { HAND_CASES } from './hand-cases.js';
import { requireOpenspec } from './openspec-cli.js';
import { runBoth } from './run-both.js';

// The regression set written by hand: one case per bullet of the archive and delta-rule items,
// each run through both CLIs on identical copies.
describe('planwright and the OpenSpec CLI on hand-written cases', () => {
  beforeAll(() => requireOpenspec());

  it.concurrent.each(HAND_CASES.map((hand) => [hand.title, hand] as const))('%s', async (_title, hand) => {
    const { ours, theirs, before } = await runBoth(hand.repo);
    expect(unexplainedDisagreement(ours, theirs)).toBeUndefined();
    expect(ours.archived).toBe(hand.archived);
    // A refusal changes nothing under openspec/specs/.
    if (!ours.archived) expect(ours.specs).toEqual(before);
    // Two OpenSpec processes per case, several cases at once: generous for a loaded machine.
  }, 120_000);
});
