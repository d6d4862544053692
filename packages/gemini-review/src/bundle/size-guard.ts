import { UsageError } from '@planwright/cli-kit';
import type { BundleFile } from './collect-files.js';

/** What is sent: the files, the size, and a rough token count (4 bytes a token). */
export interface BundleStats {
  files: string[];
  bytes: number;
  token_estimate: number;
  /** Secrets replaced by `--redact`. */
  redacted: number;
}

/** The default `--max-bundle-kb`. */
export const DEFAULT_MAX_BUNDLE_KB = 400;

export function bundleStats(text: string, files: BundleFile[], redacted = 0): BundleStats {
  const bytes = Buffer.byteLength(text);
  return { files: files.map((file) => file.label), bytes, token_estimate: Math.ceil(bytes / 4), redacted };
}

/** Refuses (UsageError) a bundle over `maxKb`, naming its largest files. */
export function checkBundleSize(stats: BundleStats, files: BundleFile[], maxKb: number): void {
  if (stats.bytes <= maxKb * 1024) return;
  const largest = [...files]
    .map((file) => ({ label: file.label, bytes: Buffer.byteLength(file.text) }))
    .sort((a, b) => b.bytes - a.bytes)
    .slice(0, 3)
    .map((file) => `${file.label} (${formatKb(file.bytes)})`);
  throw new UsageError(`the bundle is ${formatKb(stats.bytes)}, over --max-bundle-kb ${maxKb}; largest files: ${largest.join(', ')}`, {
    hint: 'leave out or shorten --extra files, or raise --max-bundle-kb',
  });
}

/** `12.3 KB`. */
export function formatKb(bytes: number): string {
  return `${(bytes / 1024).toFixed(1)} KB`;
}
