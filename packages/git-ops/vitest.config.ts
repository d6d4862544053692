import { defineProject } from 'vitest/config';

export default defineProject({
  resolve: { conditions: ['@planwright/source'] },
  test: { name: 'git-ops', testTimeout: 30_000 },
});
