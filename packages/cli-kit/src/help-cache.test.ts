import yargs from 'yargs';
import { describe, expect, it } from 'vitest';
import { hasCachedHelp, skipHelpCache } from './help-cache.js';

function parser() {
  return yargs()
    .command('go', 'run it', (y) => y.option('fast', { type: 'boolean', describe: 'go fast' }), () => {})
    .strict()
    .help()
    .exitProcess(false);
}

describe('skipHelpCache', () => {
  it("keeps yargs from rendering a command's help when the command runs", async () => {
    const plain = parser();
    await plain.parseAsync(['go']);
    // yargs' own behaviour, which the helper undoes: if this changes, the helper is no longer needed.
    expect(hasCachedHelp(plain)).toBe(true);
    const skipped = skipHelpCache(parser());
    await skipped.parseAsync(['go']);
    expect(hasCachedHelp(skipped)).toBe(false);
  });

  it('still renders --help when asked', async () => {
    let text = '';
    await skipHelpCache(parser()).parseAsync(['go', '--help'], {}, (_error, _argv, output) => {
      text = output;
    });
    expect(text).toContain('--fast');
    expect(text).toContain('go fast');
  });
});
