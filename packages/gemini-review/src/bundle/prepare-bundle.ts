import { resolve } from 'node:path';
import { UsageError } from '@planwright/cli-kit';
import { displayPath } from '@planwright/plan-schema';
import { findSecrets, redactSecrets } from '../secrets/scan-secrets.js';
import { collectBundleFiles, type BundleSources } from './collect-files.js';
import { renderBundle } from './render-bundle.js';
import { bundleStats, checkBundleSize, type BundleStats } from './size-guard.js';

export interface PrepareBundleOptions extends BundleSources {
  generatedAt: string;
  maxBundleKb: number;
  redact: boolean;
  allowSecrets: boolean;
}

export interface PreparedBundle {
  text: string;
  stats: BundleStats;
  /** With `planOptionsOptional`: the plan options file that was missing or empty, so left out. */
  missingPlanOptions: string | undefined;
}

const LISTED = 5;

/**
 * Collects the files, checks them for secrets (refused unless `redact` or `allowSecrets`), renders the
 * bundle and applies the size guard. Every refusal is a UsageError; nothing is written.
 *
 * @example
 * const { text, stats } = await prepareBundle({ repo, pr: 'pr-42', planOptions, planOptionsGiven: false, extra: [], generatedAt, maxBundleKb: 400, redact: false, allowSecrets: false });
 */
export async function prepareBundle(options: PrepareBundleOptions): Promise<PreparedBundle> {
  const files = await collectBundleFiles(options);
  let redacted = 0;
  if (!options.allowSecrets) {
    const findings = files.flatMap((file) => findSecrets(file.label, file.text));
    if (findings.length && !options.redact) {
      const listed = findings.slice(0, LISTED).map((finding) => `${finding.file}:${finding.line} (${finding.kind})`);
      const more = findings.length > LISTED ? ` and ${findings.length - LISTED} more` : '';
      throw new UsageError(`likely secrets in the bundle, nothing was sent: ${listed.join(', ')}${more}`, {
        hint: 'remove them, or pass --redact to replace them or --allow-secrets to send them as they are',
      });
    }
    for (const file of files) {
      const result = redactSecrets(file.text);
      file.text = result.text;
      redacted += result.count;
    }
  }
  const text = renderBundle(files, { repo: options.repo, pr: options.pr, generatedAt: options.generatedAt });
  const stats = bundleStats(text, files, redacted);
  checkBundleSize(stats, files, options.maxBundleKb);
  const missingPlanOptions = files.some((file) => file.path === resolve(options.planOptions)) ? undefined : displayPath(options.planOptions, options.repo);
  return { text, stats, missingPlanOptions };
}
