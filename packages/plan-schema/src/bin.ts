#!/usr/bin/env node
import { runBin } from '@planwright/cli-kit';
import { fastValidate } from './fast-validate.js';

await runBin({
  helpFile: new URL('./help.txt', import.meta.url),
  fastPaths: [fastValidate],
  loadMain: async () => (await import('./cli.js')).main,
});
