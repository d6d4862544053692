#!/usr/bin/env node
// Generates the two reference pages of docs/ from the built packages, so they cannot drift from the code:
//   docs/file-formats.md  from the JSON Schemas @planwright/plan-schema ships (jsonSchemaFor) and the
//                         orchestrator.toml schema of @planwright/agent-runner, plus the notes below;
//   docs/cli-reference.md from `--help` of every bin and every command, rendered in-process by each
//                         package's own `main(argv, io)` (the same text the bins print);
//   the README help blocks: each ```text block after a `<!-- help: <bin> <args> -->` line in README.md
//                         and every package's README.md, the same way (not with --out: those are pages).
// Usage (from anywhere, after `pnpm build`):
//   node scripts/gen-docs.mjs            write the pages
//   node scripts/gen-docs.mjs --check    write nothing; exit 1 and name every page that is out of date
//   --out DIR                            another folder than docs/ (the tests use a temp folder)
// The output is deterministic: no timestamps, and the machine's paths (repo, home, temp) are replaced.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { homedir, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { renderCliReference } from './gen-docs/cli-reference.mjs';
import { renderFileFormats } from './gen-docs/file-formats.mjs';
import { helpRenderer, renderReadmeHelp } from './gen-docs/readme-help.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));

function parseArgs(argv) {
  const options = { check: false, out: join(root, 'docs'), readmes: true };
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--check') options.check = true;
    else if (argv[i] === '--out' && argv[i + 1]) {
      options.out = resolve(argv[++i]);
      options.readmes = false;
    }
    else fail(`unknown argument: ${argv[i]} (usage: gen-docs.mjs [--check] [--out DIR])`, 2);
  }
  return options;
}

function fail(message, code) {
  console.error(`gen-docs: ${message}`);
  process.exit(code);
}

/** Every package folder with a package.json, apps first (the umbrella CLI leads the reference). */
function packageDirs() {
  return ['apps', 'packages'].flatMap((group) =>
    readdirSync(join(root, group), { withFileTypes: true })
      .filter((entry) => entry.isDirectory() && existsSync(join(root, group, entry.name, 'package.json')))
      .map((entry) => join(root, group, entry.name))
      .sort(),
  );
}

/** Imports a built module of a package; a missing dist is the one mistake worth a clear message. */
async function importBuilt(file) {
  if (!existsSync(file)) fail(`${file.replace(root, '')} is missing: run "pnpm build" first`, 2);
  return import(pathToFileURL(file).href);
}

/** Replaces the machine's paths, so the pages read the same on every machine. */
function normalizePaths(text) {
  const replacements = [
    [root.replace(/\/$/, ''), '.'],
    [homedir(), '~'],
    [tmpdir(), '<tmp>'],
  ].filter(([from]) => from && from !== '/');
  let out = text;
  for (const [from, to] of replacements) out = out.split(from).join(to);
  return out.replace(/[ \t]+$/gm, '');
}

async function render() {
  const dirs = packageDirs();
  const bins = [];
  for (const dir of dirs) {
    const manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
    for (const [name, file] of Object.entries(manifest.bin ?? {})) {
      // Each bin file is `runBin({ loadMain: async () => (await import('./<cli>.js')).main })`.
      const binFile = join(dir, file);
      if (!existsSync(binFile)) fail(`${binFile.replace(root, '')} is missing: run "pnpm build" first`, 2);
      const cli = /import\("\.\/([^"]+)"\)\)\.main/.exec(readFileSync(binFile, 'utf8'))?.[1];
      if (!cli) fail(`${binFile.replace(root, '')}: cannot find the module that holds main()`, 2);
      const { main } = await importBuilt(join(dirname(binFile), cli));
      bins.push({ name, pkg: manifest.name, main });
    }
  }
  const planSchema = await importBuilt(join(root, 'packages/plan-schema/dist/index.js'));
  const agentRunner = await importBuilt(join(root, 'packages/agent-runner/dist/index.js'));
  // The in-memory io of the CLIs' own tests: the page is what the bins print.
  const { captureIo } = await importBuilt(join(root, 'packages/cli-kit/dist/index.js'));
  return {
    pages: {
      'file-formats.md': normalizePaths(renderFileFormats({ planSchema, agentRunner })),
      'cli-reference.md': normalizePaths(await renderCliReference(bins, captureIo)),
    },
    renderHelp: helpRenderer(bins, captureIo, normalizePaths),
  };
}

/** The READMEs with their help blocks rendered: `{ file: { text, blocks } }` for those with blocks. */
async function renderReadmes(renderHelp) {
  const files = [join(root, 'README.md'), ...packageDirs().map((dir) => join(dir, 'README.md'))].filter((file) => existsSync(file));
  const readmes = {};
  for (const file of files) {
    const rendered = await renderReadmeHelp(await readFile(file, 'utf8'), renderHelp);
    if (rendered.blocks > 0) readmes[file] = rendered;
  }
  return readmes;
}

const options = parseArgs(process.argv.slice(2));
const { pages, renderHelp } = await render();
const readmes = options.readmes ? await renderReadmes(renderHelp) : {};
const outputs = [
  ...Object.entries(pages).map(([name, text]) => [join(options.out, name), text]),
  ...Object.entries(readmes).map(([file, rendered]) => [file, rendered.text]),
];
const stale = [];
for (const [file, text] of outputs) {
  const current = existsSync(file) ? await readFile(file, 'utf8') : null;
  if (current === text) continue;
  if (options.check) stale.push(describeDrift(file, current, text));
  else {
    await mkdir(options.out, { recursive: true });
    await writeFile(file, text);
    console.log(`wrote ${file.replace(root, '')}`);
  }
}
if (stale.length) {
  console.error(`gen-docs: out of date (run "pnpm docs" and commit the result):\n${stale.join('\n')}`);
  process.exit(1);
}
if (options.check) {
  const blocks = Object.values(readmes).reduce((sum, rendered) => sum + rendered.blocks, 0);
  const readmeNote = options.readmes ? `; README help blocks: ${blocks} in ${Object.keys(readmes).length} files` : '';
  console.log(`docs up to date: ${Object.keys(pages).join(', ')}${readmeNote}`);
}

/** Names the file and its first differing line, so a failing check says what changed. */
function describeDrift(file, current, wanted) {
  if (current === null) return `  ${file.replace(root, '')}: missing`;
  const have = current.split('\n');
  const want = wanted.split('\n');
  const line = want.findIndex((text, i) => text !== have[i]);
  const at = line === -1 ? want.length : line;
  return `  ${file.replace(root, '')}:${at + 1}: has ${JSON.stringify(have[at] ?? '<end of file>')}, expected ${JSON.stringify(want[at] ?? '<end of file>')}`;
}
