import { stat } from 'node:fs/promises';

/** When a file was created and last written (ms), or null when it does not exist. */
export interface FileTimes {
  created: number;
  modified: number;
  size: number;
}

/** The times of a file; file systems without a birth time give its change time instead. */
export async function fileTimes(file: string): Promise<FileTimes | null> {
  try {
    const info = await stat(file);
    const created = info.birthtimeMs > 0 ? info.birthtimeMs : Math.min(info.ctimeMs, info.mtimeMs);
    return { created, modified: info.mtimeMs, size: info.size };
  } catch {
    return null;
  }
}
