import { camelCaseFlags, commandWithExamples, handler, type AnyCommandModule, type ExampleCommandModule } from '@planwright/cli-kit';
import type { Argv, CommandModule } from 'yargs';
import type { DoctorAgents } from '../doctor/doctor-agents.js';
import { runsOptions, type RunsArgs } from './options.js';
import type { ShowArgs, SyncPlanArgs, DoctorArgs, StopArgs } from './args.js';

// Command modules only: flags and help. The work is imported inside each handler, so `--help` and the
// umbrella CLI load none of it until a command runs.

/** `list`: the runs of a PR, newest first. */
export const listCommand: CommandModule<object, RunsArgs> = {
  command: 'list',
  describe: 'List the runs of a PR, newest first, with status and tasks',
  builder: (yargs) =>
    runsOptions(yargs)
      .demandOption('pr')
      .example('$0 list --pr pr-42', 'Runs in .plans/pr-42/runs')
      .example('$0 list --pr pr-42 --run-root ~/.codex/runs', 'Runs in ~/.codex/runs/pr-42') as Argv<RunsArgs>,
  handler: handler(async (args, io) => (await import('./run-list.js')).runList(args, io)),
};

/** `show`: one run and its tasks. */
export const showCommand: CommandModule<object, ShowArgs> = {
  command: 'show',
  describe: 'Show one run (the newest of --pr, or --run-dir): status, and per task results, log, agent',
  builder: (yargs) =>
    runsOptions(yargs)
      .option('run-dir', { type: 'string', describe: 'The run folder (instead of the newest of --pr)' })
      .example('$0 show --pr pr-42', 'The newest run of pr-42')
      .example('$0 show --run-dir "$RUN_DIR"', 'The run codex-orchestrate printed') as Argv<ShowArgs>,
  handler: handler(async (args, io) => (await import('./run-show.js')).runShow(args, io)),
};

/** `sync-plan`: plan.json from the runs' results (the kit's sync_plan.py). */
export const syncPlanCommand: ExampleCommandModule<SyncPlanArgs> = commandWithExamples<SyncPlanArgs>({
  command: 'sync-plan',
  aliases: ['sync'],
  describe: 'Update plan.json from the runs: newest results -> agent_done or blocked; dead in_progress -> blocked',
  options: (yargs) =>
    camelCaseFlags(
      runsOptions(yargs, 'PR name: the plan is <repo>/.plans/<PR>/plan.json')
        .option('plan', { type: 'string', describe: 'Path of a plan.json (instead of --pr)' })
        .option('dry-run', { type: 'boolean', default: false, describe: 'Show the changes, write nothing' }),
    ),
  // Data, so the umbrella renders them as `planwright sync`.
  examples: [
    ['$0 sync-plan --pr pr-42', 'Repair drift after a crash'],
    ['$0 sync-plan --pr pr-42 --dry-run', 'Show what would change'],
  ],
  handler: handler(async (args: SyncPlanArgs, io) => (await import('./run-sync-plan.js')).runSyncPlan(args, io)),
});

/**
 * `doctor`, told about agents by `loadAgents` (loaded only when the command runs): the umbrella CLI passes
 * agent-runner's registry, so a task's session id is read from its log and its resume command printed.
 * run-store's own bin knows no agents: the thread id comes from meta.json, and no resume is offered.
 */
export function doctorCommandWith(loadAgents?: () => Promise<DoctorAgents>): CommandModule<object, DoctorArgs> {
  return { ...doctorCommand, handler: handler(async (args, io) => (await import('./run-doctor.js')).runDoctor(args, io, await loadAgents?.())) };
}

/** `doctor`: inspect a stuck task (the kit's task_doctor.py). */
export const doctorCommand: CommandModule<object, DoctorArgs> = {
  command: 'doctor',
  describe: 'Inspect a stuck task: pid and ps line, results, log tail, thread id; --kill ends its agent',
  builder: (yargs) =>
    camelCaseFlags(runsOptions(yargs)
      .option('run-dir', { type: 'string', describe: 'The run folder (default: the newest of --pr)' })
      .option('task', { type: 'string', describe: "Task id (default: the run's current task)" })
      .option('kill', { type: 'boolean', default: false, describe: "End the agent's process group (TERM, grace, KILL)" })
      .option('grace-seconds', { type: 'number', default: 4, describe: 'Grace between TERM and KILL' })
      .option('print-rerun', { type: 'boolean', default: false, describe: 'Print the commands to re-run or resume the task' })
      .example('$0 doctor --pr pr-42', 'What is the newest run doing?')
      .example('$0 doctor --pr pr-42 --kill --print-rerun', 'End a stuck agent; how to re-run')),
  handler: handler(async (args, io) => (await import('./run-doctor.js')).runDoctor(args, io)),
};

/** `stop`: ask a run's orchestrator to launch no further task. */
export const stopCommand: CommandModule<object, StopArgs> = {
  command: 'stop',
  describe: 'Create <run-dir>/control/stop: the orchestrator launches no further task',
  builder: (yargs) =>
    camelCaseFlags(yargs
      .option('run-dir', { type: 'string', demandOption: true, describe: 'The run folder' })
      .option('json', { type: 'boolean', default: false, describe: 'Print one JSON document' })
      .example('$0 stop --run-dir "$RUN_DIR"', 'Launch no task after the current one')),
  handler: handler(async (args, io) => (await import('./run-stop.js')).runStop(args, io)),
};

/** Every command of the `run-store` bin, in help order. */
export const runStoreCommands: AnyCommandModule[] = [listCommand, showCommand, syncPlanCommand, doctorCommand, stopCommand];

export type { ShowArgs, SyncPlanArgs, DoctorArgs, StopArgs } from './args.js';
