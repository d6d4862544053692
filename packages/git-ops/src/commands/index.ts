import { camelCaseFlags, commandWithExamples, handler, type AnyExampleCommandModule, type ExampleCommandModule } from '@planwright/cli-kit';
import { repoOptions, type RepoArgs } from './options.js';
import type { EnsureArgs, BaselineArgs, BranchArgs, CommitTaskArgs } from './args.js';

// Command modules only: flags and help. The work is imported inside each handler, so `--help` and the
// umbrella CLI load none of it (nor execa) until a command runs. The examples are data, so the umbrella
// renders them as `planwright git <command>`.

/** `ensure`: a git repository in the folder, and planwright's block in its .gitignore. */
export const ensureCommand: ExampleCommandModule<EnsureArgs> = commandWithExamples<EnsureArgs>({
  command: 'ensure',
  describe: 'Run git init if needed, and add the planwright block to .gitignore',
  options: (yargs) =>
    repoOptions(yargs).option('gitignore', {
      type: 'boolean',
      default: true,
      describe: 'Keep run folders out of git with a marked block in <repo>/.gitignore (--no-gitignore to skip)',
    }),
  examples: [['$0 ensure --repo ../app', 'Prepare ../app for planwright']],
  handler: handler(async (args: EnsureArgs, io) => (await import('./run-ensure.js')).runEnsure(args, io)),
});

/** `baseline`: the first commit, when the repository has none. */
export const baselineCommand: ExampleCommandModule<BaselineArgs> = commandWithExamples<BaselineArgs>({
  command: 'baseline',
  describe: 'Make the first commit (of every file) when the repository has none',
  options: (yargs) =>
    camelCaseFlags(
      repoOptions(yargs)
        .option('message', { type: 'string', describe: 'Commit message (default "planwright: baseline")' })
        .option('allow-empty', { type: 'boolean', default: false, describe: 'Commit even when there is no file' }),
    ),
  examples: [['$0 baseline', 'Give a fresh repository its first commit']],
  handler: handler(async (args: BaselineArgs, io) => (await import('./run-baseline.js')).runBaseline(args, io)),
});

/** `branch`: check out the branch of a PR, creating it from HEAD when needed. */
export const branchCommand: ExampleCommandModule<BranchArgs> = commandWithExamples<BranchArgs>({
  command: 'branch',
  describe: 'Check out the branch of a PR, created from HEAD if missing',
  options: (yargs) =>
    repoOptions(yargs)
      .option('pr', { type: 'string', describe: 'PR name, put in place of <PR_NAME> in --branch' })
      .option('branch', { type: 'string', default: 'pr/<PR_NAME>', describe: 'Branch name template' }),
  examples: [
    ['$0 branch --pr pr-42', 'Check out pr/pr-42'],
    ["$0 branch --pr 42 --branch 'wip/<PR_NAME>'", 'Check out wip/42'],
  ],
  handler: handler(async (args: BranchArgs, io) => (await import('./run-branch.js')).runBranch(args, io)),
});

/** `commit-task`: one commit for one task, `<task id>: <title>`. */
export const commitTaskCommand: ExampleCommandModule<CommitTaskArgs> = commandWithExamples<CommitTaskArgs>({
  command: 'commit-task',
  describe: 'Commit the work of a task as "<task id>: <title>"',
  options: (yargs) =>
    repoOptions(yargs)
      .option('task', { type: 'string', demandOption: true, describe: 'Task id' })
      .option('title', { type: 'string', describe: 'Task title' })
      .option('path', { type: 'string', array: true, describe: 'Commit only these paths (repeatable)' }),
  examples: [
    ['$0 commit-task --task task_003 --title Parser', 'Commit every change'],
    ['$0 commit-task --task t3 --path src/p.ts', 'Commit one file'],
  ],
  handler: handler(async (args: CommitTaskArgs, io) => (await import('./run-commit-task.js')).runCommitTask(args, io)),
});

/** Every command of the `git-ops` bin, in help order. */
export const gitOpsCommands: AnyExampleCommandModule[] = [ensureCommand, baselineCommand, branchCommand, commitTaskCommand];

export type { EnsureArgs, BaselineArgs, BranchArgs, CommitTaskArgs } from './args.js';
