import { configDefaults, defineProject, type UserWorkspaceConfig } from 'vitest/config';

// Tests import sibling packages from their sources (the `@planwright/source` export condition), so a
// test never runs against a stale dist/ of another package.
const conditions = ['@planwright/source', 'module', 'node', 'development|production'];

/**
 * The slow tier, which `pnpm test` runs and `pnpm test:fast` (PLANWRIGHT_TESTS=fast) leaves out: the real
 * agent CLIs against scripted servers (`*.e2e.test.ts`), the board in chromium (`*.browser.test.ts`),
 * specflow against OpenSpec's own CLI (`test/differential/`), the plan fuzzer (`fuzz/`), and the
 * orchestrator's kill -9 and many-processes runs (`*.reliability.test.ts`).
 */
export const SLOW_TESTS = ['**/*.e2e.test.ts', '**/*.browser.test.ts', '**/test/differential/**', '**/fuzz/**', '**/*.reliability.test.ts'];

/** The files a project leaves out: the slow tier too when PLANWRIGHT_TESTS=fast. */
export function excludedTests(env: NodeJS.ProcessEnv = process.env): string[] {
  return env.PLANWRIGHT_TESTS === 'fast' ? [...configDefaults.exclude, ...SLOW_TESTS] : [...configDefaults.exclude];
}

/** The vitest project of one package. */
export function packageProject(name: string, test: UserWorkspaceConfig['test'] = {}) {
  return defineProject({
    resolve: { conditions },
    ssr: { resolve: { conditions, externalConditions: ['@planwright/source'] } },
    test: { name, testTimeout: 30_000, exclude: excludedTests(), ...test },
  });
}
