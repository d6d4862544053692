import { gitOpsCommands } from '@planwright/git-ops/commands';
import {
  jsonSchemaCommand,
  markVerifiedCommand,
  nextCommand,
  statusCommand,
  validatePlanCommand,
} from '@planwright/plan-schema/commands';
import type { AnyCommandModule } from '@planwright/cli-kit';
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

/** Every top-level command of `planwright`, in help order. */
export const planwrightCommands: AnyCommandModule[] = [
  statusCommand,
  nextCommand,
  validatePlanCommand,
  markVerifiedCommand,
  jsonSchemaCommand,
  gitCommand,
];
