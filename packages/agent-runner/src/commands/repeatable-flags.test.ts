import { describe, expect, it } from 'vitest';
import yargs from 'yargs';
import { orchestrateOptions } from './orchestrate-options.js';
import { toOrchestrateOptions } from './to-options.js';

function parse(argv: string[]) {
  const args = orchestrateOptions(yargs().command('$0 [goal..]', 'run'), { requireDirs: false }).strict().parseSync(argv);
  return toOrchestrateOptions(args, { planDir: '/plans/pr-1', codeDir: '/code' });
}

describe('repeatable flags beside the kit\'s last-one-wins flags', () => {
  it('--notify gathers every value and takes one word each, so the goal keeps its words', () => {
    const options = parse(['--notify', 'desktop', 'Ship', '--notify', 'ntfy:https://ntfy.example/runs', 'the', 'feature']);
    expect(options.notify).toEqual(['desktop', 'ntfy:https://ntfy.example/runs']);
    expect(options.goal).toBe('Ship the feature');
  });

  it('any other flag given twice keeps its last value, as argparse did, choices included', () => {
    const options = parse(['--timeout-minutes', '3', '--sandbox', 'read-only', '--timeout-minutes', '5', '--sandbox', 'danger-full-access', '--model', 'a', '--model', 'b']);
    expect(options).toMatchObject({ timeoutMinutes: 5, sandbox: 'danger-full-access', model: 'b' });
  });
});
