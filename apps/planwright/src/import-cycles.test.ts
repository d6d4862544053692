import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { tempDir, writeFiles } from '@planwright/test-utils';
import { execa } from 'execa';
import { describe, expect, it } from 'vitest';

// scripts/check-import-cycles.mjs: no two source files of the workspace may import each other, even
// for types only (issue 18: commands/index.ts declared the XArgs types and run-*.ts imported them back).
const root = fileURLToPath(new URL('../../../', import.meta.url));
const checker = join(root, 'scripts/check-import-cycles.mjs');

const check = (args: string[] = []) => execa(process.execPath, [checker, ...args], { cwd: root, reject: false });

describe('import circles', () => {
  it('the workspace has none', async () => {
    const { exitCode, stdout, stderr } = await check();
    expect(stderr).toBe('');
    expect(exitCode).toBe(0);
    expect(stdout).toMatch(/^check-import-cycles: no import circle in \d+ files$/);
  });

  it('finds a type-only circle, and one across packages through their source exports', async () => {
    const dir = await tempDir('planwright-cycles-');
    const manifest = (name: string) => JSON.stringify({ name, exports: { '.': { '@planwright/source': './src/index.ts' } } });
    await writeFiles(dir, {
      'packages/a/package.json': manifest('@planwright/a'),
      'packages/a/src/index.ts': "export type { Args } from './args.js';\nexport const run = async () => (await import('./run.js')).go;\n",
      'packages/a/src/args.ts': 'export interface Args { x: number }\n',
      'packages/a/src/run.ts': "import type { run } from './index.js';\nexport const go: typeof run | undefined = undefined;\n",
      'packages/b/package.json': manifest('@planwright/b'),
      'packages/b/src/index.ts': "import type { C } from '@planwright/c';\nexport type B = C;\n",
      'packages/c/package.json': manifest('@planwright/c'),
      'packages/c/src/index.ts': "import type { B } from '@planwright/b';\nexport interface C { b?: B }\n",
    });
    const { exitCode, stderr } = await check(['--root', dir]);
    expect(exitCode).toBe(1);
    expect(stderr).toContain('check-import-cycles: 2 import circle(s)');
    expect(stderr).toContain('packages/a/src/index.ts <-> packages/a/src/run.ts');
    expect(stderr).toContain('packages/b/src/index.ts <-> packages/c/src/index.ts');
    expect(stderr).not.toContain('args.ts');
  });
});
