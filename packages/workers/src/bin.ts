#!/usr/bin/env node
import { runBin } from '@planwright/cli-kit';

await runBin({
  helpFile: new URL('./help.txt', import.meta.url),
  loadMain: async () => (await import('./cli.js')).main,
});
