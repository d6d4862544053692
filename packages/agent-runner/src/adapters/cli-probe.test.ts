import { chmod, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { tempDir } from '@planwright/test-utils';
import { describe, expect, it } from 'vitest';
import { findAgentCli, helpHasFlag, parseVersion, probeCli } from './cli-probe.js';

const spec = { name: 'toy', envVar: 'TOY_BIN', install: 'npm install -g toy-cli' };

async function toyCli(version = '1.2.3 (Toy)', exitCode = 0) {
  const dir = await tempDir();
  const bin = join(dir, 'toy');
  const calls = join(dir, 'calls');
  await writeFile(bin, `#!/bin/sh\necho "$1" >> ${calls}\n[ "$1" = --version ] && { echo "${version}"; exit ${exitCode}; }\necho "  --prompt <text>   The prompt"\n`);
  await chmod(bin, 0o755);
  return { dir, bin, calls: async () => (await readFile(calls, 'utf8').catch(() => '')).trim().split('\n').filter(Boolean) };
}

describe('probeCli', () => {
  it('runs --version and --help once per binary, then answers from memory and from the disk cache', async () => {
    const toy = await toyCli();
    const cacheDir = await tempDir();
    const probe = await probeCli(spec, toy.bin, { cacheDir });
    expect(probe).toEqual({ bin: toy.bin, version: '1.2.3', help: '  --prompt <text>   The prompt' });
    await probeCli(spec, toy.bin, { cacheDir });
    expect((await toy.calls()).sort()).toEqual(['--help', '--version']);
  });

  it('refuses a binary whose --version fails, with the install hint', async () => {
    const toy = await toyCli('broken', 3);
    await expect(probeCli(spec, toy.bin, { cacheDir: await tempDir() })).rejects.toMatchObject({ message: `${toy.bin} --version failed (exit 3)`, hint: 'reinstall it: npm install -g toy-cli' });
  });
});

describe('findAgentCli', () => {
  it('takes $<ENV_VAR> first, else PATH, else says how to install', async () => {
    const toy = await toyCli();
    expect(findAgentCli(spec, { TOY_BIN: toy.bin })).toBe(toy.bin);
    expect(findAgentCli(spec, { PATH: toy.dir })).toBe(toy.bin);
    expect(() => findAgentCli(spec, { TOY_BIN: join(toy.dir, 'nope') })).toThrow(`TOY_BIN=${join(toy.dir, 'nope')}: no such executable`);
    expect(() => findAgentCli(spec, { PATH: '/nonexistent' })).toThrow(expect.objectContaining({ message: 'toy not found on PATH', hint: 'install it: npm install -g toy-cli (or set TOY_BIN)' }));
  });
});

describe('help and version text', () => {
  it('finds flags as --help lists them, not inside other words', () => {
    expect(helpHasFlag('  --add-dir <directories...>  Dirs', '--add-dir')).toBe(true);
    expect(helpHasFlag('  -p, --print   Print', '--print')).toBe(true);
    expect(helpHasFlag('  --print-config   x', '--print')).toBe(false);
    expect(parseVersion('2.1.197 (Claude Code)\n')).toBe('2.1.197');
  });
});
