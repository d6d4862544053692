import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { tempDir } from '@planwright/test-utils';
import { execa } from 'execa';
import { describe, expect, it } from 'vitest';

// docs/file-formats.md and docs/cli-reference.md are generated from the built packages by
// scripts/gen-docs.mjs (`pnpm docs`). These tests run it as a user would, after `pnpm build`; a missing
// dist makes the generator fail with "run pnpm build first", so they fail rather than skip.
const root = fileURLToPath(new URL('../../../', import.meta.url));
const generator = join(root, 'scripts/gen-docs.mjs');

function genDocs(args: string[]) {
  return execa(process.execPath, [generator, ...args], { cwd: root, reject: false });
}

describe('generated docs', () => {
  it('docs/ holds what "pnpm docs" generates from the schemas and the --help of every command', async () => {
    const { exitCode, stdout, stderr } = await genDocs(['--check']);
    expect(stderr, 'the generated docs are out of date: run "pnpm docs"').toBe('');
    expect(exitCode).toBe(0);
    expect(stdout).toBe('docs up to date: file-formats.md, cli-reference.md');
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
