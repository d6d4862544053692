import { handler, type AnyCommandModule } from '@planwright/cli-kit';
import type { Argv, CommandModule } from 'yargs';
import { repoOptions, type RepoArgs } from './options.js';

// Command modules only: flags and help. The work is imported inside each handler, so `--help` and the
// umbrella CLI load none of it (nor execa) until a command runs.

export interface EnsureArgs extends RepoArgs {
  gitignore: boolean;
}

/** `ensure`: a git repository in the folder, and planwright's block in its .gitignore. */
export const ensureCommand: CommandModule<object, EnsureArgs> = {
  command: 'ensure',
  describe: 'Run git init if needed, and add the planwright block to .gitignore',
  builder: (yargs) =>
    repoOptions(yargs)
      .option('gitignore', {
        type: 'boolean',
        default: true,
        describe: 'Keep run folders out of git with a marked block in <repo>/.gitignore (--no-gitignore to skip)',
      })
      .example('$0 ensure --repo ../app', 'Prepare ../app for planwright') as Argv<EnsureArgs>,
  handler: handler(async (args, io) => (await import('./run-ensure.js')).runEnsure(args, io)),
};

export interface BaselineArgs extends RepoArgs {
  message?: string;
  allowEmpty: boolean;
}

/** `baseline`: the first commit, when the repository has none. */
export const baselineCommand: CommandModule<object, BaselineArgs> = {
  command: 'baseline',
  describe: 'Make the first commit (of every file) when the repository has none',
  builder: (yargs) =>
    repoOptions(yargs)
      .option('message', { type: 'string', describe: 'Commit message (default "planwright: baseline")' })
      .option('allow-empty', { type: 'boolean', default: false, describe: 'Commit even when there is no file' })
      .example('$0 baseline', 'Give a fresh repository its first commit') as unknown as Argv<BaselineArgs>,
  handler: handler(async (args, io) => (await import('./run-baseline.js')).runBaseline(args, io)),
};

export interface BranchArgs extends RepoArgs {
  pr?: string;
  branch: string;
}

/** `branch`: check out the branch of a PR, creating it from HEAD when needed. */
export const branchCommand: CommandModule<object, BranchArgs> = {
  command: 'branch',
  describe: 'Check out the branch of a PR, created from HEAD if missing',
  builder: (yargs) =>
    repoOptions(yargs)
      .option('pr', { type: 'string', describe: 'PR name, put in place of <PR_NAME> in --branch' })
      .option('branch', { type: 'string', default: 'pr/<PR_NAME>', describe: 'Branch name template' })
      .example('$0 branch --pr pr-42', 'Check out pr/pr-42')
      .example("$0 branch --pr 42 --branch 'wip/<PR_NAME>'", 'Check out wip/42') as Argv<BranchArgs>,
  handler: handler(async (args, io) => (await import('./run-branch.js')).runBranch(args, io)),
};

export interface CommitTaskArgs extends RepoArgs {
  task: string;
  title?: string;
  path?: string[];
}

/** `commit-task`: one commit for one task, `<task id>: <title>`. */
export const commitTaskCommand: CommandModule<object, CommitTaskArgs> = {
  command: 'commit-task',
  describe: 'Commit the work of a task as "<task id>: <title>"',
  builder: (yargs) =>
    repoOptions(yargs)
      .option('task', { type: 'string', demandOption: true, describe: 'Task id' })
      .option('title', { type: 'string', describe: 'Task title' })
      .option('path', { type: 'string', array: true, describe: 'Commit only these paths (repeatable)' })
      .example('$0 commit-task --task task_003 --title Parser', 'Commit every change')
      .example('$0 commit-task --task t3 --path src/p.ts', 'Commit one file') as Argv<CommitTaskArgs>,
  handler: handler(async (args, io) => (await import('./run-commit-task.js')).runCommitTask(args, io)),
};

/** Every command of the `git-ops` bin, in help order. */
export const gitOpsCommands: AnyCommandModule[] = [ensureCommand, baselineCommand, branchCommand, commitTaskCommand];
