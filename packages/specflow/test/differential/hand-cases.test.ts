import { beforeAll, describe, it } from 'vitest';
import { unexplainedDisagreement } from './differences.js';
import { HAND_CASES } from './hand-cases.js';
import { requireOpenspec } from './openspec-cli.js';
import { runBoth } from './run-both.js';

// The regression set written by hand: one case per bullet of the archive and delta-rule items,
// each run through both CLIs on identical copies.
describe('planwright and the OpenSpec CLI on hand-written cases', () => {
  beforeAll(() => requireOpenspec());

  // The cases run at once, so each uses its own context: its onTestFinished removes its own copies (the
  // global hook would tie them to the sibling started last, which could remove them mid-case), its expect.
  it.concurrent.for(HAND_CASES.map((hand) => [hand.title, hand] as const))('%s', async ([, hand], { expect, onTestFinished }) => {
    const { ours, theirs, before } = await runBoth(hand.repo, { onTestFinished });
    // Where both archive or both refuse, the specs must be the same: shown as a diff when they are not.
    if (ours.archived === theirs.archived) expect.soft(ours.specs, 'openspec/specs/ after archive').toEqual(theirs.specs);
    expect(unexplainedDisagreement(ours, theirs)).toBeUndefined();
    expect(ours.archived).toBe(hand.archived);
    // A refusal changes nothing under openspec/specs/.
    if (!ours.archived) expect(ours.specs).toEqual(before);
    // Two OpenSpec processes per case, several cases at once: generous for a loaded machine.
  }, 120_000);
});
