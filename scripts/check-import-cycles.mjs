#!/usr/bin/env node
// Fails on any import circle between the source files of the workspace, type-only imports included
// (`import type`, `export type ... from`) and `await import()` too: a circle of types still ties two files
// together for a reader and a refactor, which is why commands/index.ts and run-*.ts import one way only.
// Imports of another workspace package follow its `@planwright/source` export to the file, so a circle
// across packages is found as well.
// Usage: node scripts/check-import-cycles.mjs [--root DIR]   (exit 0: none; 1: every circle listed)
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

const args = process.argv.slice(2);
const rootIndex = args.indexOf('--root');
const root = resolve(rootIndex >= 0 ? args[rootIndex + 1] : fileURLToPath(new URL('..', import.meta.url)));

/** Every package folder (`packages/*`, `apps/*`) with its name and its source exports. */
function workspacePackages() {
  return ['packages', 'apps'].flatMap((group) => {
    const dir = join(root, group);
    if (!existsSync(dir)) return [];
    return readdirSync(dir)
      .map((name) => join(dir, name))
      .filter((path) => existsSync(join(path, 'package.json')))
      .map((path) => ({ path, manifest: JSON.parse(readFileSync(join(path, 'package.json'), 'utf8')) }));
  });
}

function sourceFiles(dir, out = []) {
  for (const name of readdirSync(dir)) {
    if (name === 'node_modules' || name === 'dist') continue;
    const path = join(dir, name);
    if (statSync(path).isDirectory()) sourceFiles(path, out);
    else if (/\.(ts|mts|tsx)$/.test(name) && !name.endsWith('.d.ts') && !name.endsWith('.d.mts')) out.push(path);
  }
  return out;
}

/** `./x.js` -> `./x.ts` (NodeNext specifiers name the emitted file). */
function resolveRelative(from, specifier) {
  const base = resolve(dirname(from), specifier);
  for (const candidate of [base.replace(/\.js$/, '.ts'), base.replace(/\.mjs$/, '.mts'), base, `${base}.ts`, join(base, 'index.ts')]) {
    if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
  }
  return undefined;
}

const packages = workspacePackages();
const bySpecifier = new Map();
for (const { path, manifest } of packages) {
  for (const [subpath, target] of Object.entries(manifest.exports ?? {})) {
    const source = typeof target === 'object' ? target['@planwright/source'] : undefined;
    if (source) bySpecifier.set(join(manifest.name, subpath).replace(/\/\.$/, ''), resolve(path, source));
  }
}

const files = packages.flatMap(({ path }) => (existsSync(join(path, 'src')) ? sourceFiles(join(path, 'src')) : []));
const edges = new Map();
for (const file of files) {
  const info = ts.preProcessFile(readFileSync(file, 'utf8'), true, true);
  const targets = info.importedFiles
    .map(({ fileName }) => (fileName.startsWith('.') ? resolveRelative(file, fileName) : bySpecifier.get(fileName)))
    .filter((target) => target !== undefined && target !== file);
  edges.set(file, [...new Set(targets)]);
}

// Tarjan's strongly connected components, iteratively (no recursion limit on deep graphs).
const index = new Map();
const low = new Map();
const onStack = new Set();
const stack = [];
const circles = [];
let counter = 0;
for (const start of files) {
  if (index.has(start)) continue;
  const work = [[start, 0]];
  while (work.length) {
    const frame = work[work.length - 1];
    const [node, next] = frame;
    if (next === 0) {
      index.set(node, counter);
      low.set(node, counter++);
      stack.push(node);
      onStack.add(node);
    }
    const targets = edges.get(node) ?? [];
    if (next < targets.length) {
      frame[1]++;
      const target = targets[next];
      if (!index.has(target)) work.push([target, 0]);
      else if (onStack.has(target)) low.set(node, Math.min(low.get(node), index.get(target)));
      continue;
    }
    work.pop();
    if (work.length) {
      const parent = work[work.length - 1][0];
      low.set(parent, Math.min(low.get(parent), low.get(node)));
    }
    if (low.get(node) === index.get(node)) {
      const component = [];
      let member;
      do {
        member = stack.pop();
        onStack.delete(member);
        component.push(member);
      } while (member !== node);
      if (component.length > 1) circles.push(component.map((file) => relative(root, file)).sort());
    }
  }
}

if (circles.length) {
  console.error(`check-import-cycles: ${circles.length} import circle(s) (make the imports go one way; a shared type goes in a file both import):`);
  for (const circle of circles) console.error(`  ${circle.join(' <-> ')}`);
  process.exit(1);
}
console.log(`check-import-cycles: no import circle in ${files.length} files`);
