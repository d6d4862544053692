// Renders a package's top-level `--help` with its real yargs CLI into dist/bin/help.txt, which the bin
// prints without loading yargs. Run from the package folder after tsup.
import { writeFile } from 'node:fs/promises';
import { pathToFileURL } from 'node:url';
import { resolve } from 'node:path';

const cliUrl = pathToFileURL(resolve('dist/bin/cli.js'));
const { main } = await import(cliUrl.href);
let stdout = '';
let stderr = '';
const io = {
  out: (text) => (stdout += text.endsWith('\n') ? text : `${text}\n`),
  err: (text) => (stderr += text.endsWith('\n') ? text : `${text}\n`),
  stdoutIsTTY: false,
  stdinIsTTY: false,
};
const code = await main(['--help'], io);
if (code !== 0 || !stdout) {
  console.error(`prerender-help: --help exited ${code}: ${stderr}`);
  process.exit(1);
}
await writeFile(new URL('help.txt', cliUrl), stdout);
