import { readFile } from 'node:fs/promises';

/** The text of a file, or undefined when it does not exist. Other read errors are thrown. */
export async function readTextIfExists(file: string): Promise<string | undefined> {
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

/** Lines of a text, without their line ends ("\r\n" too). */
export function splitLines(text: string): string[] {
  const lines = text.split('\n').map((line) => line.replace(/\r$/, ''));
  if (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
  return lines;
}

/** True for lines that open or close a fenced code block (``` or ~~~), where headings do not count. */
export function isFence(line: string): boolean {
  return /^\s{0,3}(```|~~~)/.test(line);
}
