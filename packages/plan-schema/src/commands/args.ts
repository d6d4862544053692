import type { PlanLocationArgs } from './options.js';

// The argument types of the commands, apart from the command modules: index.ts and each run-*.ts import
// them from here, so neither imports the other.

export interface ValidateArgs {
  file: string;
  json: boolean;
}

export interface PlanArgs extends PlanLocationArgs {
  json: boolean;
}

export interface MarkVerifiedArgs extends PlanArgs {
  task: string;
  note?: string;
  status: string;
  dryRun: boolean;
}

export interface JsonSchemaArgs {
  schema: string;
}
