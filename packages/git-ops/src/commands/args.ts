import type { RepoArgs } from './options.js';

// The argument types of the commands, apart from the command modules: index.ts and each run-*.ts import
// them from here, so neither imports the other.

export interface EnsureArgs extends RepoArgs {
  gitignore: boolean;
}

export interface BaselineArgs extends RepoArgs {
  message?: string;
  allowEmpty: boolean;
}

export interface BranchArgs extends RepoArgs {
  pr?: string;
  branch: string;
}

export interface CommitTaskArgs extends RepoArgs {
  task: string;
  title?: string;
  path?: string[];
}
