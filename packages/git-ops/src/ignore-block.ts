/** The first and last line of the block that planwright owns in a `.gitignore`. */
export const IGNORE_BLOCK_BEGIN = '# >>> planwright >>>';
export const IGNORE_BLOCK_END = '# <<< planwright <<<';

/** What planwright keeps out of git: run folders (`runs/`, and `runs-<name>` of custom run roots). */
export const DEFAULT_IGNORE_PATTERNS: readonly string[] = ['.plans/**/runs/', '.plans/**/runs-*'];

/**
 * `text` with planwright's block holding exactly `patterns`: an existing block is replaced where it is
 * (and any later copies dropped), otherwise the block is appended. Lines outside the block are kept as
 * they are, the file's line ending is kept, and the result ends with a newline.
 *
 * @example
 * applyIgnoreBlock('node_modules/\n', DEFAULT_IGNORE_PATTERNS);
 * // 'node_modules/\n\n# >>> planwright >>>\n...\n# <<< planwright <<<\n'
 */
export function applyIgnoreBlock(text: string, patterns: readonly string[] = DEFAULT_IGNORE_PATTERNS): string {
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const block = [IGNORE_BLOCK_BEGIN, '# Managed by planwright (git-ops ensure); edits inside are replaced.', ...patterns, IGNORE_BLOCK_END];
  const lines = text === '' ? [] : text.replace(/\r?\n$/, '').split(/\r?\n/);
  const kept: string[] = [];
  let inBlock = false;
  let placed = false;
  for (const line of lines) {
    const marker = line.trim();
    if (!inBlock && marker === IGNORE_BLOCK_BEGIN) {
      inBlock = true;
      if (!placed) kept.push(...block);
      placed = true;
    } else if (inBlock) {
      if (marker === IGNORE_BLOCK_END) inBlock = false;
    } else {
      kept.push(line);
    }
  }
  if (inBlock) throw new IgnoreBlockError(IGNORE_BLOCK_BEGIN, IGNORE_BLOCK_END);
  if (!placed) {
    // A blank line apart, so the block does not read as part of the user's last group of patterns.
    if (kept.length > 0 && kept[kept.length - 1]!.trim() !== '') kept.push('');
    kept.push(...block);
  }
  return kept.join(eol) + eol;
}

/** A begin marker without its end marker: the block's extent is unknown, so nothing is rewritten. */
export class IgnoreBlockError extends Error {
  override name = 'IgnoreBlockError';

  constructor(begin: string, end: string) {
    super(`the line "${begin}" has no "${end}" after it`);
  }
}
