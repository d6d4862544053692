import { captureIo } from '@planwright/cli-kit';
import { describe, expect, it } from 'vitest';
import { boardCommandFor } from './demo.js';
import { renderEnd } from './render.js';
import type { DemoResult } from './types.js';

const result = (kept: boolean, repo = '/tmp/planwright-demo-x/word-tools'): DemoResult => ({
  ok: true, exitCode: 0, mode: 'scripted', flow: 'workflow', dir: '/tmp/planwright-demo-x', repo, kept, pr: 'demo', change: 'add-slug-command',
  clis: [], steps: [], commits: [], board_command: kept ? boardCommandFor(repo) : null, duration_ms: 1200,
});

describe('the demo\'s last lines', () => {
  it('with --keep, end with the board command for the kept folder', () => {
    const io = captureIo();
    renderEnd(io, result(true));
    expect(io.stdout.trimEnd().split('\n').at(-1)).toBe('watch it on the board: planwright board --repo /tmp/planwright-demo-x/word-tools --pr demo --run-root /tmp/planwright-demo-x/word-tools/.plans/demo/runs --open');
  });

  it('quote a folder with spaces, and print no board line when the folder is removed', () => {
    expect(boardCommandFor('/tmp/my demo/word-tools')).toBe('planwright board --repo "/tmp/my demo/word-tools" --pr demo --run-root "/tmp/my demo/word-tools/.plans/demo/runs" --open');
    const io = captureIo();
    renderEnd(io, result(false));
    expect(io.stdout).not.toContain('planwright board');
  });
});
