import { tempDir, writeFiles } from '@planwright/test-utils';
import { mkdir } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { detectVerify, type VerifySource } from './detect-verify.js';

const scripts = (names: string[]) => JSON.stringify({ scripts: Object.fromEntries(names.map((name) => [name, 'x'])) });
const projectMd = '## Verification\n- Unit tests: `make test`\n';

describe('detectVerify', () => {
  it('takes the overrides file\'s default_verify before everything', async () => {
    const root = await tempDir();
    await writeFiles(root, { 'package.json': scripts(['typecheck']), 'App.xcodeproj/x': '', 'openspec/project.md': projectMd });
    const found = await detectVerify({ root, overrides: { default_verify: ['make check'] }, projectMd: `${root}/openspec/project.md` });
    expect(found).toEqual({ commands: ['make check'], source: 'default_verify', from: "the overrides file's default_verify", warnings: [] });
  });

  it.each<[string, Record<string, string>, string[], string[], VerifySource]>([
    ['typecheck before test, with pnpm for pnpm-lock.yaml', { 'package.json': scripts(['test', 'typecheck']), 'pnpm-lock.yaml': '' }, [], ['pnpm typecheck'], 'package.json'],
    ['test without typecheck, with yarn for yarn.lock', { 'package.json': scripts(['build', 'test']), 'yarn.lock': '' }, [], ['yarn test'], 'package.json'],
    ['npm run for package-lock.json', { 'package.json': scripts(['typecheck']), 'package-lock.json': '{}' }, [], ['npm run typecheck'], 'package.json'],
    ['npm test without a lock file', { 'package.json': scripts(['test']) }, [], ['npm test'], 'package.json'],
    ['package.json before a .xcodeproj', { 'package.json': scripts(['test']) }, ['App.xcodeproj'], ['npm test'], 'package.json'],
    ['a single .xcodeproj when package.json has neither script', { 'package.json': scripts(['build']) }, ['App.xcodeproj'], ['xcodebuild -list -project App.xcodeproj'], 'xcodeproj'],
    ['a .xcodeproj name with a space, quoted for the shell', {}, ["Bob's App.xcodeproj"], [`xcodebuild -list -project 'Bob'\\''s App.xcodeproj'`], 'xcodeproj'],
    ['a .xcodeproj before project.md', { 'openspec/project.md': projectMd }, ['App.xcodeproj'], ['xcodebuild -list -project App.xcodeproj'], 'xcodeproj'],
    ['project.md when there are two .xcodeproj', { 'openspec/project.md': projectMd }, ['A.xcodeproj', 'B.xcodeproj'], ['make test'], 'project.md'],
    ['the placeholder when nothing is found', { 'openspec/project.md': '## Verification\n- Unit tests:\n' }, [], [], 'placeholder'],
  ])('%s', async (_name, files, xcodeprojs, commands, source) => {
    const root = await tempDir();
    await writeFiles(root, files);
    for (const project of xcodeprojs) await mkdir(`${root}/${project}`);
    const found = await detectVerify({ root, projectMd: `${root}/openspec/project.md` });
    expect({ commands: found.commands, source: found.source, warnings: found.warnings }).toEqual({ commands, source, warnings: [] });
  });

  it('says where the commands came from', async () => {
    const root = await tempDir();
    await writeFiles(root, { 'package.json': scripts(['typecheck']), 'pnpm-lock.yaml': '' });
    expect((await detectVerify({ root })).from).toBe('package.json "typecheck" script, pnpm-lock.yaml');
  });

  it('passes over a package.json that is not JSON, with a warning', async () => {
    const root = await tempDir();
    await writeFiles(root, { 'package.json': '{ "scripts": ', 'App.xcodeproj/project.pbxproj': '' });
    expect(await detectVerify({ root })).toEqual({
      commands: ['xcodebuild -list -project App.xcodeproj'],
      source: 'xcodeproj',
      from: 'App.xcodeproj',
      warnings: ['package.json is not valid JSON: its scripts are not used for verify'],
    });
  });
});
