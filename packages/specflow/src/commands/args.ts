import type { CommonArgs } from './options.js';

// The argument types of the commands, apart from the command modules: index.ts and each run-*.ts import
// them from here, so neither imports the other.

export interface InitArgs extends CommonArgs {
  force: boolean;
  layout?: 'kit' | 'openspec-1';
}

export interface ProposalArgs extends CommonArgs {
  change: string;
  force: boolean;
}

export interface ValidateArgs extends CommonArgs {
  change?: string;
  strict: boolean;
  all: boolean;
  changes: boolean;
  specs: boolean;
  type?: 'change' | 'spec';
}

export interface PlanArgs extends CommonArgs {
  change: string;
  pr?: string;
  force: boolean;
  verifyOverrides?: string;
}

export interface ValidatePlanArgs extends CommonArgs {
  pr: string;
}

export interface ArchiveArgs extends CommonArgs {
  change: string;
  dryRun: boolean;
  skipSpecs: boolean;
}

export interface ListArgs extends CommonArgs {
  specs: boolean;
  archived: boolean;
}

export interface ShowArgs extends CommonArgs {
  name: string;
  type?: 'change' | 'spec';
}

export interface ConflictsArgs extends CommonArgs {
  change?: string;
}

export interface SyncTasksArgs extends CommonArgs {
  change: string;
  pr?: string;
  check: boolean;
}
