// The argument types of the commands, apart from the command modules: index.ts and each run-*.ts import
// them from here, so neither imports the other.

export interface ReviewArgs {
  repo: string;
  pr: string;
  planOptions?: string;
  out?: string;
  model?: string;
  extra?: string[];
  dryRun: boolean;
  reviewer: 'gemini' | 'codex' | 'claude';
  timeoutMinutes: number;
  maxAttempts: number;
  maxBundleKb: number;
  redact: boolean;
  allowSecrets: boolean;
  json: boolean;
}
