import { readFile } from 'node:fs/promises';

/** A file's text, or `fallback` when it cannot be read. */
export async function readTextOr(file: string, fallback: string): Promise<string> {
  try {
    return await readFile(file, 'utf8');
  } catch {
    return fallback;
  }
}

/** The last `count` non-empty lines, joined by " | " (one line for an error message). */
export function lastLines(text: string, count: number): string {
  return text.split('\n').map((line) => line.trim()).filter(Boolean).slice(-count).join(' | ');
}
