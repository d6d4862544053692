import { readFileSync } from 'node:fs';
import { processIo, type CliIo } from './io.js';

/** A shortcut for one hot command: returns its exit code, or undefined when argv is not its shape. */
export type FastPath = (argv: string[], io: CliIo) => Promise<number | undefined>;

export interface RunBinOptions {
  /** The top-level help, rendered by yargs at build time (`dist/bin/help.txt`). */
  helpFile: URL;
  fastPaths?: FastPath[];
  /** Loads the full CLI (yargs and every command) only when no shortcut applies. */
  loadMain: () => Promise<(argv: string[], io?: CliIo) => Promise<number>>;
}

/**
 * The body of every planwright bin. Loading yargs costs more than starting Node itself, so `--help` is
 * served from text that yargs rendered at build time (a test keeps the two identical), and hot commands
 * may take a fast path. Everything else goes through the full yargs CLI.
 */
export async function runBin(options: RunBinOptions): Promise<void> {
  const argv = process.argv.slice(2);
  const io = processIo();
  if (argv.length === 1 && (argv[0] === '--help' || argv[0] === '-h')) {
    const help = readPrerenderedHelp(options.helpFile);
    if (help !== undefined) {
      process.stdout.write(help);
      return;
    }
  }
  for (const fastPath of options.fastPaths ?? []) {
    const code = await fastPath(argv, io);
    if (code !== undefined) {
      process.exitCode = code;
      return;
    }
  }
  const main = await options.loadMain();
  process.exitCode = await main(argv, io);
}

function readPrerenderedHelp(file: URL): string | undefined {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}
