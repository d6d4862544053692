import type { BundleFile } from './collect-files.js';

export interface BundleHeader {
  repo: string;
  pr: string;
  generatedAt: string;
}

/**
 * The bundle the reviewer reads on stdin: a header (time, repo, PR, the files included), then each file
 * under `# FILE: <path>`, as the Python kit wrote it.
 */
export function renderBundle(files: BundleFile[], header: BundleHeader): string {
  const lines = [
    '# Plan review bundle',
    '',
    `- generated_at: ${header.generatedAt}`,
    `- repo: ${header.repo}`,
    `- pr: ${header.pr}`,
    '- files:',
    ...files.map((file) => `  - ${file.label}`),
    '',
  ];
  for (const file of files) {
    lines.push(`# FILE: ${file.label}`, '', file.text.endsWith('\n') ? file.text.slice(0, -1) : file.text, '');
  }
  return lines.join('\n');
}
