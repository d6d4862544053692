import type { RunsArgs } from './options.js';

// The argument types of the commands, apart from the command modules: index.ts and each run-*.ts import
// them from here, so neither imports the other.

export interface ShowArgs extends RunsArgs {
  runDir?: string;
}

export interface SyncPlanArgs extends RunsArgs {
  plan?: string;
  dryRun: boolean;
}

export interface DoctorArgs extends RunsArgs {
  runDir?: string;
  task?: string;
  kill: boolean;
  graceSeconds: number;
  printRerun: boolean;
}

export interface StopArgs {
  runDir: string;
  json: boolean;
}
