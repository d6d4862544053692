import { describe, expect, it } from 'vitest';
import { OPENSPEC_BIN, requireOpenspec } from './openspec-cli.js';

describe('the OpenSpec CLI the differential suite runs', () => {
  it('is installed', async () => {
    await expect(requireOpenspec()).resolves.toBeUndefined();
  });

  it('fails the suite with how to get it when it is missing', async () => {
    const missing = `${OPENSPEC_BIN}.missing`;
    await expect(requireOpenspec(missing)).rejects.toThrow(
      `the OpenSpec CLI is missing (${missing}): run "pnpm install" at the repository root; it is a devDependency of @planwright/specflow`,
    );
  });
});
