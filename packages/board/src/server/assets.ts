import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { PlanwrightError } from '@planwright/cli-kit';

/** The page's files, built by `scripts/build-page.mjs` into `dist/page/`. */
export interface PageAssets {
  html: string;
  js: string;
  css: string;
}

/**
 * The folder of the built page. Found through the package's own name, so the board library, its bin and
 * the umbrella's bundled bin (which sits in another package) all find the same `dist/page/`.
 */
export function pageDir(): string {
  const require = createRequire(import.meta.url);
  return join(dirname(require.resolve('@planwright/board/package.json')), 'dist', 'page');
}

/** Reads the built page; a missing build is an error that says how to make it. */
export async function loadPageAssets(dir = pageDir()): Promise<PageAssets> {
  try {
    const [html, js, css] = await Promise.all(['index.html', 'board.js', 'board.css'].map((name) => readFile(join(dir, name), 'utf8')));
    return { html: html!, js: js!, css: css! };
  } catch (error) {
    throw new PlanwrightError(`${dir}: the board's page is not built`, {
      exitCode: 1,
      hint: 'run "pnpm --filter @planwright/board build" (or "pnpm build")',
      cause: error,
    });
  }
}
