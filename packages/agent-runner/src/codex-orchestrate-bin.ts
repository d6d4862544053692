#!/usr/bin/env node
import { runBin } from '@planwright/cli-kit';

await runBin({
  helpFile: new URL('./codex-orchestrate-help.txt', import.meta.url),
  loadMain: async () => (await import('./codex-orchestrate-cli.js')).main,
});
