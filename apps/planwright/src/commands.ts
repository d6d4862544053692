import { checkCommand, researchCommand, runCommand, verifyCommand } from '@planwright/agent-runner/commands';
import type { AnyCommandModule } from '@planwright/cli-kit';
import { reviewCommand } from '@planwright/gemini-review/commands';
import { gitOpsCommands } from '@planwright/git-ops/commands';
import {
  jsonSchemaCommand,
  markVerifiedCommand,
  nextCommand,
  statusCommand,
  validatePlanCommand,
} from '@planwright/plan-schema/commands';
import { doctorCommand, stopCommand, syncPlanCommand } from '@planwright/run-store/commands';
import {
  archiveCommand,
  conflictsCommand,
  initCommand,
  listCommand,
  planCommand,
  proposalCommand,
  showCommand,
  syncTasksCommand,
  validateCommand,
} from '@planwright/specflow/commands';
import type { Argv } from 'yargs';

// The umbrella mounts the packages' own command modules: flags and help are declared once, in the
// package that does the work.

/** `planwright git <command>`: git-ops's commands under one group. */
const gitCommand: AnyCommandModule = {
  command: 'git <command>',
  describe: 'Git set-up: ensure a repo, baseline commit, PR branch, per-task commit',
  builder: (yargs: Argv) => yargs.command(gitOpsCommands).demandCommand(1, 'Name a git command.'),
  handler: () => undefined,
};

/** `planwright sync`: run-store's sync-plan under the short name the workflow uses. */
const syncCommand: AnyCommandModule = { ...(syncPlanCommand as AnyCommandModule), command: 'sync', aliases: ['sync-plan'] };

/** Every top-level command of `planwright`, in the order of the workflow. */
export const planwrightCommands: AnyCommandModule[] = [
  initCommand,
  proposalCommand,
  validateCommand,
  planCommand,
  validatePlanCommand,
  researchCommand,
  reviewCommand,
  runCommand,
  statusCommand,
  nextCommand,
  verifyCommand,
  markVerifiedCommand,
  syncCommand,
  doctorCommand,
  stopCommand,
  archiveCommand,
  listCommand,
  showCommand,
  conflictsCommand,
  syncTasksCommand,
  checkCommand,
  jsonSchemaCommand,
  gitCommand,
];
