import { researchCommand, runCommand, verifyCommand } from '@planwright/agent-runner/commands';
import { boardCommand } from '@planwright/board/commands';
import type { AnyCommandModule } from '@planwright/cli-kit';
import { reviewCommand } from '@planwright/gemini-review/commands';
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
// package that does the work.

/**
 * A package's command mounted under another name or group: its examples, written for the package's own
 * bin (`$0 ensure`, `$0 sync-plan`), are rewritten to read as this CLI's (`$0 git ensure`, `$0 sync`).
 */
function remount(module: AnyCommandModule, from: string, to: string, overrides: Partial<AnyCommandModule> = {}): AnyCommandModule {
  const builder = module.builder;
  return {
    ...module,
    ...overrides,
    builder: (yargs: Argv) => {
      // Shadow `example` on this instance while the package's builder runs (yargs keeps private state,
      // so a wrapper object would not do), then let the prototype's method show through again.
      const own = yargs as Argv & { example: Argv['example'] };
      const original = own.example;
      const rewrite = (command: string, description: string) => (original as (c: string, d: string) => Argv).call(yargs, command.replace(`$0 ${from}`, `$0 ${to}`), description);
      own.example = rewrite as Argv['example'];
      try {
        return (typeof builder === 'function' ? builder(yargs) : yargs.options(builder ?? {})) as Argv;
      } finally {
        delete (own as Partial<typeof own>).example;
      }
    },
  };
}

/** `planwright git <command>`: git-ops's commands under one group. */
const gitCommand: AnyCommandModule = {
  command: 'git <command>',
  describe: 'Git set-up: ensure a repo, baseline commit, PR branch, per-task commit',
  builder: (yargs: Argv) =>
    yargs
      .command(gitOpsCommands.map((command) => {
        const name = String(command.command).split(' ')[0]!;
        return remount(command, name, `git ${name}`);
      }))
      .demandCommand(1, 'Name a git command.'),
  handler: () => undefined,
};

/** `planwright sync`: run-store's sync-plan under the short name the workflow uses. */
const syncCommand = remount(syncPlanCommand as AnyCommandModule, 'sync-plan', 'sync', { command: 'sync', aliases: ['sync-plan'] });

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
