import { chmod, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { tempDir } from '@planwright/test-utils';
import { describe, expect, it } from 'vitest';
import { DemoCliMissingError, findDemoCli } from './find-cli.js';

async function executable(dir: string, name: string): Promise<string> {
  const path = join(dir, name);
  await writeFile(path, '#!/bin/sh\nexit 0\n');
  await chmod(path, 0o755);
  return path;
}

describe('findDemoCli', () => {
  it('takes $CODEX_BIN / $GEMINI_BIN first, then the PATH', async () => {
    const dir = await tempDir();
    const mine = await executable(dir, 'my-codex');
    const onPath = await executable(dir, 'gemini');
    expect(findDemoCli('codex', { CODEX_BIN: mine, PATH: dir })).toEqual({ name: 'codex', path: mine, source: 'env' });
    expect(findDemoCli('gemini', { PATH: `/nowhere:${dir}` })).toEqual({ name: 'gemini', path: onPath, source: 'path' });
  });

  it('falls back to the CLIs installed with planwright, found from this module', () => {
    const codex = findDemoCli('codex', { PATH: '' });
    expect(codex.source).toBe('planwright');
    expect(codex.path).toMatch(/apps\/planwright\/node_modules\/\.bin\/codex$/);
    expect(findDemoCli('gemini', { PATH: '' }).path).toMatch(/node_modules\/\.bin\/gemini$/);
  });

  it('names the variable, or the install command, when a CLI cannot be found', async () => {
    const missing = () => findDemoCli('codex', { CODEX_BIN: '/nowhere/codex', PATH: '' });
    expect(missing).toThrow(DemoCliMissingError);
    expect(missing).toThrow('CODEX_BIN=/nowhere/codex: no such executable');
    const dir = await tempDir();
    // From a module outside planwright, with an empty PATH, nothing is left to find.
    const outside = new URL(`file://${dir}/module.js`).href;
    const error = (() => {
      try {
        findDemoCli('gemini', { PATH: '' }, outside);
      } catch (caught) {
        return caught as DemoCliMissingError;
      }
      throw new Error('expected gemini to be missing');
    })();
    expect(error.message).toBe('gemini not found (the demo runs the real gemini CLI)');
    expect(error.hint).toBe('install it: npm install -g @google/gemini-cli, or set GEMINI_BIN');
    expect(error.exitCode).toBe(1);
  });
});
