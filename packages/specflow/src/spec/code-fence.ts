/**
 * OpenSpec's fenced-code rule, line by line: a fence opens with three or more backticks or tildes (any
 * indent) and closes only with a bare run of the same character at least as long. Headings inside a
 * fence are text. Merges must use this rule, not a looser one, to cut specs where OpenSpec cuts them.
 */
export function buildCodeFenceMask(lines: string[]): boolean[] {
  const mask = new Array<boolean>(lines.length).fill(false);
  let active: { marker: string; length: number } | undefined;
  lines.forEach((line, index) => {
    if (!active) {
      const open = /^\s*(`{3,}|~{3,})/.exec(line);
      if (open) {
        active = { marker: open[1]![0]!, length: open[1]!.length };
        mask[index] = true;
      }
      return;
    }
    mask[index] = true;
    const close = /^\s*(`{3,}|~{3,})\s*$/.exec(line);
    if (close && close[1]![0] === active.marker && close[1]!.length >= active.length) active = undefined;
  });
  return mask;
}

/** Text with CRLF/CR line ends as LF and a leading byte-order mark dropped: how specs are read. */
export function normalizeLineEnds(text: string): string {
  return text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
}

/**
 * `text` (LF) written with the line ends `original` mostly uses (CRLF wins a tie), as OpenSpec writes a
 * spec back; LF when `original` is undefined or has no line break.
 */
export function matchLineEnding(text: string, original: string | undefined): string {
  if (original === undefined) return text;
  const crlf = original.match(/\r\n/g)?.length ?? 0;
  const lf = original.match(/(?<!\r)\n/g)?.length ?? 0;
  if (crlf === 0 && lf === 0) return text;
  const normalized = text.replace(/\r\n/g, '\n');
  return crlf >= lf ? normalized.replace(/\n/g, '\r\n') : normalized;
}
