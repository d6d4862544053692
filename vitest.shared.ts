import { defineProject, type UserWorkspaceConfig } from 'vitest/config';

// Tests import sibling packages from their sources (the `@planwright/source` export condition), so a
// test never runs against a stale dist/ of another package.
const conditions = ['@planwright/source', 'module', 'node', 'development|production'];

/** The vitest project of one package. */
export function packageProject(name: string, test: UserWorkspaceConfig['test'] = {}) {
  return defineProject({
    resolve: { conditions },
    ssr: { resolve: { conditions, externalConditions: ['@planwright/source'] } },
    test: { name, testTimeout: 30_000, ...test },
  });
}
