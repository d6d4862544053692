import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { captureIo } from '@planwright/cli-kit';
import { tempDir } from '@planwright/test-utils';
import { describe, expect, it } from 'vitest';
import { main } from '../cli.js';

async function run(argv: string[]) {
  const io = captureIo();
  const code = await main(argv, io);
  return { code, stdout: io.stdout, stderr: io.stderr };
}

describe('planwright init', () => {
  it('writes openspec/, the planner instructions and the .gitignore block', async () => {
    const repo = await tempDir();
    const { code, stdout } = await run(['init', '--repo', repo]);
    expect(code).toBe(0);
    expect(stdout).toContain('created openspec/project.md\n');
    expect(stdout).toContain('created .plans/PLANNER.md\n');
    expect(stdout).toContain('.gitignore: run folders ignored (created)\n');
    const planner = await readFile(join(repo, '.plans/PLANNER.md'), 'utf8');
    for (const section of ['## Your job', '## The state: `.plans/<PR>/`', '## The loop', '## With the planwright MCP tools', '## Spec first', '## Delegation template', '## Rules']) {
      expect(planner).toContain(section);
    }
    expect(planner).toContain('planwright run --pr <PR>');
    expect(planner).toContain('`status` -> `add_tasks` -> `start_run` -> `wait_run`');
    expect(await readFile(join(repo, '.gitignore'), 'utf8')).toContain('.plans/**/runs/');
  });

  it('keeps what exists unless --force, and changes nothing the second time', async () => {
    const repo = await tempDir();
    await run(['init', '--repo', repo]);
    await writeFile(join(repo, '.plans/PLANNER.md'), 'my own rules\n');
    const again = JSON.parse((await run(['init', '--repo', repo, '--json'])).stdout);
    expect(again).toMatchObject({ created: [], gitignore: 'unchanged' });
    expect(again.kept).toContain('.plans/PLANNER.md');
    expect(await readFile(join(repo, '.plans/PLANNER.md'), 'utf8')).toBe('my own rules\n');
    await run(['init', '--repo', repo, '--force']);
    expect(await readFile(join(repo, '.plans/PLANNER.md'), 'utf8')).toContain('# Planner instructions (planwright)');
  });

  it('makes OpenSpec 1.x\'s layout with --layout openspec-1, and says which layout it made', async () => {
    const repo = await tempDir();
    const { code, stdout } = await run(['init', '--layout', 'openspec-1', '--repo', repo]);
    expect(code).toBe(0);
    expect(stdout.split('\n').slice(0, 4)).toEqual([
      'layout: openspec-1 (OpenSpec 1.x: openspec/config.yaml, archives in openspec/changes/archive/)',
      'created openspec/config.yaml',
      'created openspec/specs/.gitkeep',
      'created openspec/changes/archive/.gitkeep',
    ]);
    expect(await readFile(join(repo, 'openspec/config.yaml'), 'utf8')).toMatch(/^schema: spec-driven\n/);
    const kit = await tempDir();
    expect((await run(['init', '--repo', kit])).stdout.split('\n')[0]).toBe('layout: kit (openspec/project.md, archives in openspec/archive/)');
  });

  it('points validate --help at the page of deliberate differences from OpenSpec, which exists', async () => {
    const { code, stdout } = await run(['validate', '--help']);
    expect(code).toBe(0);
    expect(stdout).toContain('is in docs/openspec-differences.md.');
    const page = await readFile(new URL('../../../../docs/openspec-differences.md', import.meta.url), 'utf8');
    expect(page).toContain('DELTA_TARGET_MISSING');
  });
});
