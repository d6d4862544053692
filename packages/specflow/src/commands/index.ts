import { camelCaseFlags, handler, type AnyCommandModule } from '@planwright/cli-kit';
import type { Argv, CommandModule } from 'yargs';
import { changePositional, commonOptions, type CommonArgs } from './options.js';
import type { InitArgs, ProposalArgs, ValidateArgs, PlanArgs, ValidatePlanArgs, ArchiveArgs, ListArgs, ShowArgs, ConflictsArgs, SyncTasksArgs } from './args.js';

// Command modules only: flags, help and examples. The work is imported inside each handler, so `--help`
// and the umbrella CLI load none of it until a command runs.

/** The `--layout` option of `init` (the umbrella's `planwright init` declares it through this too). */
export function layoutOption<T>(yargs: Argv<T>): Argv<T & { layout?: 'kit' | 'openspec-1' }> {
  return yargs.option('layout', {
    type: 'string',
    choices: ['kit', 'openspec-1'] as const,
    describe:
      'kit: openspec/project.md and openspec/archive/ (the default in a new repo); openspec-1: OpenSpec 1.x, ' +
      'openspec/config.yaml and openspec/changes/archive/ (what "openspec init" makes)',
  }) as Argv<T & { layout?: 'kit' | 'openspec-1' }>;
}

/** `init`: openspec/ in the kit's layout (project.md, specs/, changes/, archive/) or OpenSpec 1.x's. */
export const initCommand: CommandModule<object, InitArgs> = {
  command: 'init',
  describe: 'Create openspec/ with project.md and the specs/, changes/ and archive/ folders (--layout openspec-1: OpenSpec 1.x\'s)',
  builder: (yargs) =>
    camelCaseFlags(layoutOption(commonOptions(yargs))
      .option('force', { type: 'boolean', default: false, describe: 'Overwrite openspec/project.md (or config.yaml) if it exists' })
      .example('$0 init --repo ../app', 'Start OpenSpec files in ../app')
      .example('$0 init --layout openspec-1', 'Set up the layout today\'s OpenSpec CLI uses')),
  handler: handler(async (args, io) => (await import('./run-init.js')).runInit(args, io)),
};

/** `proposal <change>`: a change folder with proposal.md, tasks.md, design.md and specs/. */
export const proposalCommand: CommandModule<object, ProposalArgs> = {
  command: 'proposal <change>',
  describe: 'Create openspec/changes/<change>/ with proposal.md, tasks.md, design.md and specs/',
  builder: (yargs) =>
    commonOptions(changePositional(yargs))
      .option('force', { type: 'boolean', default: false, describe: 'Overwrite proposal/tasks/design files' })
      .example('$0 proposal add-2fa', 'Scaffold openspec/changes/add-2fa/') as Argv<ProposalArgs>,
  handler: handler(async (args, io) => (await import('./run-proposal.js')).runProposal(args, io)),
};

/** `validate [name]`: a change or a main spec, or every one (--all, --changes, --specs); exit 1 on problems. */
export const validateCommand: CommandModule<object, ValidateArgs> = {
  command: 'validate [change]',
  describe: 'Check a change (tasks, every spec delta) or a main spec, or all of them (exit 1 on problems)',
  builder: (yargs) =>
    camelCaseFlags(commonOptions(yargs)
      .positional('change', {
        type: 'string',
        describe: 'A change (its folder name; else the slug rule) or a spec (a capability under openspec/specs/)',
      })
      .option('strict', { type: 'boolean', default: false, describe: 'Fail on warnings too' })
      .option('all', { type: 'boolean', default: false, describe: 'Validate every active change and every main spec' })
      .option('changes', { type: 'boolean', default: false, describe: 'Validate every active change' })
      .option('specs', { type: 'boolean', default: false, describe: 'Validate every main spec' })
      .option('type', { type: 'string', choices: ['change', 'spec'] as const, describe: 'What <change> names, if both exist' })
      .example('$0 validate add-2fa --strict', 'Check before planning or archiving')
      .example('$0 validate --all --json', 'Every change and spec, one JSON document')
      .epilogue(
        'Verdicts match "openspec validate" except where planwright is stricter on purpose; each such\n' +
          'rule, with OpenSpec\'s behaviour and the diagnostic code, is in docs/openspec-differences.md.',
      )),
  handler: handler(async (args, io) => (await import('./run-validate.js')).runValidate(args, io)),
};

/** `plan <change>`: tasks.md to .plans/<PR>/plan.json, CONTEXT.md and a MASTER.md entry. */
export const planCommand: CommandModule<object, PlanArgs> = {
  command: 'plan <change>',
  describe: 'Generate .plans/<PR>/plan.json (and CONTEXT.md, a MASTER.md entry) from the change\'s tasks.md',
  builder: (yargs) =>
    camelCaseFlags(commonOptions(changePositional(yargs))
      .option('pr', { type: 'string', describe: 'PR name (defaults to the change)' })
      .option('force', { type: 'boolean', default: false, describe: 'Overwrite .plans/<PR>/plan.json and CONTEXT.md' })
      .option('verify-overrides', { type: 'string', describe: 'JSON file with default_verify, by_task_id, by_title' })
      .example('$0 plan add-2fa --pr pr-42', 'Write .plans/pr-42/plan.json')),
  handler: handler(async (args, io) => (await import('./run-plan.js')).runPlan(args, io)),
};

/** `validate-plan --pr PR`: plan-schema's plan check, with the kit's flag. */
export const validatePlanCommand: CommandModule<object, ValidatePlanArgs> = {
  command: 'validate-plan',
  describe: 'Check .plans/<PR>/plan.json: JSON syntax, types, statuses, ids, dependencies, cycles',
  builder: (yargs) =>
    commonOptions(yargs)
      .option('pr', { type: 'string', demandOption: true, describe: 'PR name (slug rule as for plan --pr)' })
      .example('$0 validate-plan --pr pr-42', 'Check .plans/pr-42/plan.json') as Argv<ValidatePlanArgs>,
  handler: handler(async (args) => (await import('./run-validate-plan.js')).runValidatePlan(args)),
};

/** `archive <change>`: merge the deltas into openspec/specs/, move the change to the layout's archive. */
export const archiveCommand: CommandModule<object, ArchiveArgs> = {
  command: 'archive <change>',
  describe: 'Merge the change\'s spec deltas into openspec/specs/ and move it to openspec/archive/ (OpenSpec 1.x: openspec/changes/archive/), all or nothing',
  builder: (yargs) =>
    camelCaseFlags(commonOptions(changePositional(yargs))
      .option('dry-run', { type: 'boolean', default: false, describe: 'Show which specs and requirements would change, write nothing' })
      .option('skip-specs', { type: 'boolean', default: false, describe: 'Only move the change folder: no merge, no spec check' })
      .example('$0 archive add-2fa --dry-run', 'See what archiving would merge')
      .example('$0 archive docs-only --skip-specs', 'Archive a change whose deltas are not to be merged')),
  handler: handler(async (args, io) => (await import('./run-archive.js')).runArchive(args, io)),
};

/** `list`: active changes with task progress, or (--specs) the main specs. */
export const listCommand: CommandModule<object, ListArgs> = {
  command: 'list',
  describe: 'List active changes with task progress and the capabilities they change (--specs: the specs, --archived: archived changes)',
  builder: (yargs) =>
    commonOptions(yargs)
      .option('specs', { type: 'boolean', default: false, describe: 'List openspec/specs/ instead' })
      .option('archived', {
        type: 'boolean',
        default: false,
        describe: 'List archived changes instead (openspec/changes/archive/ in OpenSpec 1.x, openspec/archive/ in the kit layout)',
      })
      .example('$0 list --specs', 'Capabilities and their requirement counts') as Argv<ListArgs>,
  handler: handler(async (args, io) => (await import('./run-list.js')).runList(args, io)),
};

/** `show <name>`: one change (tasks, deltas) or one spec (requirements, scenarios). */
export const showCommand: CommandModule<object, ShowArgs> = {
  command: 'show <name>',
  describe: 'Show a change (tasks with their state, what each delta does) or a spec (requirements)',
  builder: (yargs) =>
    commonOptions(yargs)
      .positional('name', { type: 'string', demandOption: true, describe: 'A change name or a capability' })
      .option('type', { type: 'string', choices: ['change', 'spec'] as const, describe: 'Which one, if both exist' })
      .example('$0 show add-2fa', 'Progress and deltas of a change') as Argv<ShowArgs>,
  handler: handler(async (args, io) => (await import('./run-show.js')).runShow(args, io)),
};

/** `conflicts [change]`: requirements that several active changes touch; exit 1 when there are any. */
export const conflictsCommand: CommandModule<object, ConflictsArgs> = {
  command: 'conflicts [change]',
  describe: 'Find requirements that more than one active change touches (exit 1 when there are any)',
  builder: (yargs) =>
    commonOptions(yargs)
      .positional('change', { type: 'string', describe: 'Only conflicts involving this change' })
      .example('$0 conflicts add-2fa', 'What add-2fa collides with') as Argv<ConflictsArgs>,
  handler: handler(async (args, io) => (await import('./run-conflicts.js')).runConflicts(args, io)),
};

/** `sync-tasks <change>`: plan.json progress into tasks.md checkboxes; drift reported either way. */
export const syncTasksCommand: CommandModule<object, SyncTasksArgs> = {
  command: 'sync-tasks <change>',
  describe: 'Check the tasks.md boxes of tasks done in .plans/<PR>/plan.json and report drift either way',
  builder: (yargs) =>
    camelCaseFlags(commonOptions(changePositional(yargs))
      .option('pr', { type: 'string', describe: 'PR name (defaults to the change)' })
      .option('check', { type: 'boolean', default: false, describe: 'Write nothing; exit 1 on any drift (for CI)' })
      .example('$0 sync-tasks add-2fa --pr pr-42', 'Tick what pr-42 has done')
      .example('$0 sync-tasks add-2fa --pr pr-42 --check', 'Fail CI when tasks.md and plan.json disagree')),
  handler: handler(async (args, io) => (await import('./run-sync-tasks.js')).runSyncTasks(args, io)),
};

/** Every command of the `specflow` bin, in help order. */
export const specflowCommands: AnyCommandModule[] = [
  initCommand,
  proposalCommand,
  validateCommand,
  planCommand,
  validatePlanCommand,
  archiveCommand,
  listCommand,
  showCommand,
  conflictsCommand,
  syncTasksCommand,
];

export type { InitArgs, ProposalArgs, ValidateArgs, PlanArgs, ValidatePlanArgs, ArchiveArgs, ListArgs, ShowArgs, ConflictsArgs, SyncTasksArgs } from './args.js';
