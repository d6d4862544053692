// Builds the board's page into dist/page/: src/page/main.ts with dagre bundled in (one file, minified, no
// CDN, so the page works offline), beside index.html and board.css. Run by the package build, and by the
// vitest global set-up so that tests serve the page of the current sources.
import { copyFile, mkdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = new URL('../', import.meta.url);

/** Bundles the page into `outDir` (default dist/page) and returns the bundle's size in bytes. */
export async function buildPage(outDir = fileURLToPath(new URL('dist/page/', root))) {
  await mkdir(outDir, { recursive: true });
  const result = await build({
    entryPoints: [fileURLToPath(new URL('src/page/main.ts', root))],
    outfile: `${outDir}/board.js`,
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'es2022',
    minify: true,
    metafile: true,
    logLevel: 'error',
  });
  for (const name of ['index.html', 'board.css']) await copyFile(new URL(`src/page/${name}`, root), `${outDir}/${name}`);
  return Object.values(result.metafile.outputs).reduce((sum, output) => sum + output.bytes, 0);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await buildPage();
