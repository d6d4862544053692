// @ts-expect-error: a plain ESM build script without types.
import { buildPage } from '../scripts/build-page.mjs';

/** vitest global set-up: bundle the page once per test run. */
export default async function setup(): Promise<void> {
  await buildPage();
}
