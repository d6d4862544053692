import { researchCommand, runCommandWith, verifyCommand } from '@planwright/agent-runner/commands';
import { boardCommand } from '@planwright/board/commands';
import { remountCommand, type AnyCommandModule } from '@planwright/cli-kit';
import { reviewCommand } from '@planwright/gemini-review/commands';
import { workerCommand, workersListCommand } from '@planwright/workers/commands';
import { gitOpsCommands } from '@planwright/git-ops/commands';
import { mcpCommand } from '@planwright/mcp/commands';
import {
  jsonSchemaCommand,
  markVerifiedCommand,
  nextCommand,
  validatePlanCommand,
} from '@planwright/plan-schema/commands';
import { doctorCommandWith, stopCommand, syncPlanCommand } from '@planwright/run-store/commands';
import {
  archiveCommand,
  conflictsCommand,
  listCommand,
  planCommand,
  proposalCommand,
  showCommand,
  syncTasksCommand,
  validateCommand,
} from '@planwright/specflow/commands';
import type { Argv } from 'yargs';
import { checkCommand } from './check/command.js';
import { demoCommand } from './demo/command.js';
import { initCommand } from './init/command.js';
import { statusCommand } from './status/command.js';

// The umbrella mounts the packages' own command modules: flags and help are declared once, in the
// package that does the work. A command mounted under another name or group (`git ensure`, `sync`) is
// remounted from its examples as data, so they read as this CLI's.

/** `planwright git <command>`: git-ops's commands under one group. */
const gitCommand: AnyCommandModule = {
  command: 'git <command>',
  describe: 'Git set-up: ensure a repo, baseline commit, PR branch, per-task commit',
  builder: (yargs: Argv) =>
    yargs
      .command(gitOpsCommands.map((command) => {
        const name = String(command.command).split(' ')[0]!;
        return remountCommand(command, name, `git ${name}`);
      }))
      .demandCommand(1, 'Name a git command.'),
  handler: () => undefined,
};

/** `planwright sync`: run-store's sync-plan under the short name the workflow uses. */
const syncCommand = remountCommand(syncPlanCommand, 'sync-plan', 'sync', { command: 'sync', aliases: ['sync-plan'] });

/** Every top-level command of `planwright`, in the order of the workflow. */
export const planwrightCommands: AnyCommandModule[] = [
  initCommand,
  proposalCommand,
  validateCommand,
  planCommand,
  validatePlanCommand,
  researchCommand,
  reviewCommand,
  // run --executor redis://… sends the tasks to workers: the executors come from @planwright/workers.
  runCommandWith(async () => (await import('@planwright/workers')).executorFactories),
  workerCommand,
  workersListCommand,
  statusCommand,
  boardCommand,
  mcpCommand,
  nextCommand,
  verifyCommand,
  markVerifiedCommand,
  syncCommand,
  // doctor learns the agents (session ids, resume commands) from agent-runner's registry.
  doctorCommandWith(async () => (await import('./doctor/load-agents.js')).loadDoctorAgents()),
  stopCommand,
  archiveCommand,
  listCommand,
  showCommand,
  conflictsCommand,
  syncTasksCommand,
  checkCommand,
  demoCommand,
  jsonSchemaCommand,
  gitCommand,
];
