// Renders a bin's top-level `--help` with its real yargs CLI into a text file that the bin prints
// without loading yargs. Run from the package folder after tsup. Arguments are pairs of
// `<cli module> <help file>` under dist/bin/ (default: `cli.js help.txt`).
import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const args = process.argv.slice(2);
const pairs = args.length ? args : ['cli.js', 'help.txt'];
for (let i = 0; i < pairs.length; i += 2) {
  const cliUrl = pathToFileURL(resolve('dist/bin', pairs[i]));
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
    console.error(`prerender-help: ${pairs[i]} --help exited ${code}: ${stderr}`);
    process.exit(1);
  }
  await writeFile(new URL(pairs[i + 1], cliUrl), stdout);
}
