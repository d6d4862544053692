import { defineConfig } from 'tsup';
import { binBuild, libraryBuild } from '../../tsup.shared.js';

export default defineConfig([
  libraryBuild({ index: 'src/index.ts', commands: 'src/commands/index.ts' }),
  binBuild('planwright-worker'),
]);
