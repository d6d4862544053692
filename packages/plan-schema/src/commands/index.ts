import { camelCaseFlags, handler, type AnyCommandModule } from '@planwright/cli-kit';
import type { Argv, CommandModule } from 'yargs';
import { jsonOption, planLocationOptions, type PlanLocationArgs } from './options.js';
import type { ValidateArgs, PlanArgs, MarkVerifiedArgs, JsonSchemaArgs } from './args.js';

// Command modules only: flags and help. The work is imported inside each handler, so `--help` and the
// umbrella CLI load none of it (nor zod) until a command runs.

/** `validate <plan.json>`: check a plan file and list every problem. */
export const validateCommand: CommandModule<object, ValidateArgs> = {
  command: 'validate <file>',
  describe: 'Check a plan.json: JSON syntax, types, statuses, ids, dependencies, cycles',
  builder: (yargs) =>
    jsonOption(yargs.positional('file', { type: 'string', demandOption: true, describe: 'The plan.json to check' }))
      .example('$0 validate .plans/pr-42/plan.json', 'Check one plan') as Argv<ValidateArgs>,
  handler: handler(async (args, io) => (await import('./run-validate.js')).runValidate(args, io)),
};

/** `validate-plan --pr P | --plan F`: the same check, naming the plan the way the other commands do. */
export const validatePlanCommand: CommandModule<object, PlanArgs> = {
  command: 'validate-plan',
  describe: 'Check the plan of a PR (--pr) or a plan file (--plan)',
  builder: (yargs) =>
    jsonOption(planLocationOptions(yargs)).example('$0 validate-plan --pr pr-42', 'Check .plans/pr-42/plan.json'),
  handler: handler(async (args, io) => (await import('./run-validate.js')).runValidatePlan(args, io)),
};

/** `next`: the tasks that can start now. */
export const nextCommand: CommandModule<object, PlanArgs> = {
  command: 'next',
  describe: 'List the tasks that can start now (pending, every dependency done)',
  builder: (yargs) => jsonOption(planLocationOptions(yargs)).example('$0 next --pr pr-42', 'What to delegate next'),
  handler: handler(async (args, io) => (await import('./run-next.js')).runNext(args, io)),
};

/** `status`: a compact table of the plan with counts. */
export const statusCommand: CommandModule<object, PlanArgs> = {
  command: 'status',
  describe: 'Show every task (id, status, domain, deps, title) and the counts by status',
  builder: (yargs) => jsonOption(planLocationOptions(yargs)).example('$0 status --pr pr-42', 'Where the PR stands'),
  handler: handler(async (args, io) => (await import('./run-status.js')).runStatus(args, io)),
};

/** `mark-verified`: the planner's verdict on a task, with the Python kit's flags. */
export const markVerifiedCommand: CommandModule<object, MarkVerifiedArgs> = {
  command: 'mark-verified',
  describe: 'Record that a task was checked: status (default done), verified_at/by/note, a MASTER.md entry',
  builder: (yargs) =>
    camelCaseFlags(jsonOption(planLocationOptions(yargs))
      .option('task', { type: 'string', demandOption: true, describe: 'Task id' })
      .option('note', { type: 'string', describe: 'What was checked' })
      .option('status', { type: 'string', default: 'done', describe: 'Status to set' })
      .option('dry-run', { type: 'boolean', default: false, describe: 'Show the change, write nothing' })
      .example('$0 mark-verified --pr pr-42 --task task_003 --note "tests pass"', 'Accept task_003')),
  handler: handler(async (args, io) => (await import('./run-mark-verified.js')).runMarkVerified(args, io)),
};

/** `json-schema`: print the JSON Schema of a file format. */
export const jsonSchemaCommand: CommandModule<object, JsonSchemaArgs> = {
  command: 'json-schema',
  describe: 'Print the JSON Schema of plan.json (or of another file with --schema)',
  builder: (yargs) =>
    yargs
      .option('schema', {
        type: 'string',
        default: 'plan',
        choices: ['plan', 'task', 'results', 'meta', 'heartbeat', 'agent-pids', 'verify-overrides'],
        describe: 'Which file format',
      })
      .example('$0 json-schema > plan.schema.json', 'Save the plan schema for an editor') as Argv<JsonSchemaArgs>,
  handler: handler(async (args, io) => (await import('./run-json-schema.js')).runJsonSchema(args, io)),
};

/** Every command of the `plan-schema` bin, in help order. */
export const planSchemaCommands: AnyCommandModule[] = [
  validateCommand,
  validatePlanCommand,
  nextCommand,
  statusCommand,
  markVerifiedCommand,
  jsonSchemaCommand,
];

export type { ValidateArgs, PlanArgs, MarkVerifiedArgs, JsonSchemaArgs } from './args.js';

/** The plan-location and `--json` flags, for other packages' commands that name a plan. */
export { jsonOption, planLocationOptions } from './options.js';
export type { PlanLocationArgs, PlanLocationHelp } from './options.js';
