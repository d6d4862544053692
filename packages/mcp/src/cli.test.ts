import { readdir } from 'node:fs/promises';
import { captureIo } from '@planwright/cli-kit';
import { tempDir } from '@planwright/test-utils';
import { describe, expect, it } from 'vitest';
import { main } from './cli.js';

describe('planwright-mcp (the CLI)', () => {
  it.each([
    [['--repo', '/no/such/folder'], 'planwright-mcp: --repo /no/such/folder: not a folder (start the server in, or point --repo at, the repository)'],
    [['--http', '70000'], 'planwright-mcp: --http 70000: not a port (use 1-65535, or 0 for a free one)'],
    [['--http', 'abc'], 'planwright-mcp: --http: not a port (use 1-65535, or 0 for a free one)'],
    [['--htp', '1'], 'planwright-mcp: unknown option: --htp (see planwright-mcp --help)'],
  ])('%j: exit 2, one line on stderr, nothing written', async (argv, line) => {
    const repo = await tempDir('planwright-mcp-cli-');
    const io = captureIo();
    const cwd = process.cwd();
    process.chdir(repo);
    try {
      expect(await main(argv, io)).toBe(2);
    } finally {
      process.chdir(cwd);
    }
    expect(io.stderr.trim().split('\n')[0]).toContain(line);
    expect(io.stdout).toBe('');
    expect(await readdir(repo)).toEqual([]);
  });

  it('--help names the transports and the token', async () => {
    const io = captureIo();
    expect(await main(['--help'], io)).toBe(0);
    expect(io.stdout).toContain('--http');
    expect(io.stdout).toContain('bearer token');
  });
});
