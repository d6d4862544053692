import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { tempDir } from '@planwright/test-utils';
import { execa } from 'execa';
import { describe, expect, it } from 'vitest';

// docs/file-formats.md, docs/cli-reference.md and the READMEs' marked `--help` blocks are generated from
// the built packages by scripts/gen-docs.mjs (`pnpm docs`). These tests run it as a user would, after `pnpm build`; a missing
// dist makes the generator fail with "run pnpm build first", so they fail rather than skip.
const root = fileURLToPath(new URL('../../../', import.meta.url));
const generator = join(root, 'scripts/gen-docs.mjs');

function genDocs(args: string[]) {
  return execa(process.execPath, [generator, ...args], { cwd: root, reject: false });
}

describe('generated docs', () => {
  it('docs/ and the README help blocks hold what "pnpm docs" generates from the schemas and --help', async () => {
    const { exitCode, stdout, stderr } = await genDocs(['--check']);
    expect(stderr, 'the generated docs are out of date: run "pnpm docs"').toBe('');
    expect(exitCode).toBe(0);
    // Every package README with a CLI shows its bin's help (agent-runner's two: its own and codex-orchestrate;
    // workers' three: planwright-worker, its worker and its workers).
    expect(stdout).toBe('docs up to date: file-formats.md, cli-reference.md; README help blocks: 12 in 9 files');
  });

  it('a README help block is replaced by what its marker command prints; an unknown bin is an error', async () => {
    const { renderReadmeHelp } = await import(join(root, 'scripts/gen-docs/readme-help.mjs'));
    const readme = 'intro\n<!-- help: tool --help -->\n```text\nold help\n```\n\n```text\nnot marked\n```\n';
    const calls: string[][] = [];
    const rendered = await renderReadmeHelp(readme, async (argv: string[]) => (calls.push(argv), 'tool [options]\n\nnew help\n\n'));
    expect(calls).toEqual([['tool', '--help']]);
    expect(rendered).toEqual({ blocks: 1, text: 'intro\n<!-- help: tool --help -->\n```text\ntool [options]\n\nnew help\n```\n\n```text\nnot marked\n```\n' });
    const { helpRenderer } = await import(join(root, 'scripts/gen-docs/readme-help.mjs'));
    await expect(helpRenderer([], () => undefined, (text: string) => text)(['nope', '--help'])).rejects.toThrow('"nope", which is no bin');
  });

  it('covers every bin and every schema, and the check names the page that differs', async () => {
    const out = await tempDir();
    expect((await genDocs(['--out', out])).exitCode).toBe(0);
    const cli = await readFile(join(out, 'cli-reference.md'), 'utf8');
    for (const heading of ['## planwright', '### planwright run', '### planwright git commit-task', '## codex-orchestrate', '## gemini-review', '### run-store doctor']) {
      expect(cli).toContain(`\n${heading}\n`);
    }
    const formats = await readFile(join(out, 'file-formats.md'), 'utf8');
    for (const field of ['| `tasks` |', '| `depends_on` |', '| `run_id` | string | yes |', '| `agents.<task id>.pgid` |', '| `agents.<name>.command` | string[] |']) {
      expect(formats).toContain(field);
    }
    expect(formats, 'every field has a description').not.toContain('| — |');

    const lines = cli.split('\n');
    lines[2] = 'edited by hand';
    await writeFile(join(out, 'cli-reference.md'), lines.join('\n'));
    const { exitCode, stderr } = await genDocs(['--check', '--out', out]);
    expect(exitCode).toBe(1);
    expect(stderr).toContain('gen-docs: out of date (run "pnpm docs"');
    expect(stderr).toContain('cli-reference.md:3: has "edited by hand"');
    expect(stderr).not.toContain('file-formats.md');
  });
});
