import { defineConfig } from 'tsup';
import { binBuild, libraryBuild } from '../../tsup.shared.js';

export default defineConfig([
  libraryBuild({ index: 'src/index.ts', commands: 'src/commands/index.ts' }),
  // planwright-run: the orchestrator start_run spawns (`run` with the workers' executors).
  binBuild('planwright-mcp', { 'planwright-run': 'src/runs/run-bin.ts' }),
]);
