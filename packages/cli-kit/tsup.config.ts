import { defineConfig } from 'tsup';
import { libraryBuild } from '../../tsup.shared.js';

export default defineConfig(libraryBuild({ index: 'src/index.ts', 'run-cli': 'src/run-cli.ts' }));
