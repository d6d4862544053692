import type { PlanLocationArgs } from '@planwright/plan-schema/commands';

// The argument types of the commands, apart from the command modules: index.ts and each run-*.ts import
// them from here, so neither imports the other.

export interface ResearchArgs {
  repo: string;
  pr: string;
  goal: string;
  out?: string;
  dryRun: boolean;
  ghostty: boolean;
  keepOpen: boolean;
  timeoutMinutes: number;
  runRoot?: string;
  sandbox: string;
  approval: string;
  json: boolean;
}

export interface VerifyArgs extends PlanLocationArgs {
  task: string;
  timeoutMinutes: number;
  json: boolean;
}
