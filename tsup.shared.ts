import type { Options } from 'tsup';

/**
 * The two builds of a package: the library (`dist/`, dependencies left external, with types) and, for
 * packages with a CLI, the bin (`dist/bin/`, everything bundled so that start-up reads one small file
 * instead of hundreds of modules; code split so that `--help` loads no command code).
 */
export function libraryBuild(entry: Record<string, string>): Options {
  return {
    entry,
    format: ['esm'],
    target: 'node20',
    platform: 'node',
    dts: true,
    sourcemap: true,
    // Leave dist/bin/ to the bin build, which runs at the same time.
    clean: ['!bin/**'],
  };
}

export function binBuild(binName: string, extraEntries: Record<string, string> = {}): Options {
  return {
    entry: { [binName]: 'src/bin.ts', cli: 'src/cli.ts', ...extraEntries },
    outDir: 'dist/bin',
    format: ['esm'],
    target: 'node20',
    platform: 'node',
    splitting: true,
    clean: true,
    noExternal: [/./],
    // Bundle sibling packages from their sources, module by module, so that code splitting can keep
    // yargs out of the chunks that `--help` and the fast paths load.
    esbuildOptions(options) {
      options.conditions = ['@planwright/source'];
      // Less text to parse at start-up; names stay, so stack traces of bugs still read.
      options.minifyWhitespace = true;
      options.minifySyntax = true;
    },
    // Bundled CommonJS dependencies still call require() for Node's built-ins.
    banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
  };
}
