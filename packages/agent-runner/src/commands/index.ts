import { camelCaseFlags, handler, UsageError, type AnyCommandModule } from '@planwright/cli-kit';
import type { CommandModule } from 'yargs';
import { APPROVAL_POLICIES, SANDBOX_MODES } from '../adapters/access.js';
import { orchestrateOptions, type OrchestrateArgs, type RunArgs } from './orchestrate-options.js';
import { planLocationOptions } from '@planwright/plan-schema/commands';
import type { ResearchArgs, VerifyArgs } from './args.js';
import type { ExecutorFactories } from '../orchestrate/executor.js';

// Command modules only: flags and help. The work is imported inside each handler.

/** `run`: codex-orchestrate with `--pr` (plan dir `.plans/<PR>`, code dir the repo) as a shortcut. */
export const runCommand: CommandModule<object, RunArgs> = {
  command: 'run [goal..]',
  describe: 'Run the runnable tasks of a plan with code agents (codex-orchestrate, plus --pr)',
  builder: (yargs) =>
    camelCaseFlags(orchestrateOptions(
      yargs
        .option('pr', { type: 'string', describe: 'PR name: plan dir <repo>/.plans/<PR>, code dir <repo>' })
        .option('repo', { type: 'string', default: '.', describe: 'Repository root' }),
      { requireDirs: false },
    )
      .check((args) => {
        if (!args.pr && !args.planDir) throw new UsageError('name the plan with --pr <PR> or --plan-dir <dir>');
        return true;
      })
      .example('$0 run --pr pr-42 --compact-run --timeout-minutes 30', 'Run the next task of .plans/pr-42')
      .epilogue(
        'Exit codes: 0 every task that ran reached agent_done or done (or none was runnable), 1 a task ended\n' +
          'blocked, 2 bad input (nothing written) or stopped by control/stop, 124 a task timed out, 130\n' +
          "interrupted. codex-orchestrate keeps the kit's: 0 when a task ends blocked.",
      )),
  handler: handler(async (args, io) => {
    const { runOrchestrateCli } = await import('./run-orchestrate.js');
    const { runDirs, toOrchestrateOptions } = await import('./to-options.js');
    return runOrchestrateCli(toOrchestrateOptions(args, runDirs(args)), { json: args.json, flavour: 'planwright' }, io);
  }),
};

/**
 * `run`, offered the executors of `--executor` by `loadExecutors` (loaded only when the command runs):
 * the umbrella CLI passes @planwright/workers', so agent-runner never imports it. `runCommand` has none,
 * and refuses `--executor` before writing anything.
 */
export function runCommandWith(loadExecutors: () => Promise<ExecutorFactories>): CommandModule<object, RunArgs> {
  return {
    ...runCommand,
    handler: handler(async (args: RunArgs, io) => {
      const { runOrchestrateCli } = await import('./run-orchestrate.js');
      const { runDirs, toOrchestrateOptions } = await import('./to-options.js');
      const options = { ...toOrchestrateOptions(args, runDirs(args)), executors: await loadExecutors() };
      return runOrchestrateCli(options, { json: args.json, flavour: 'planwright' }, io);
    }),
  };
}

/** codex-orchestrate itself: the Python kit's command line, one flag for one. */
export const codexOrchestrateCommand: CommandModule<object, OrchestrateArgs> = {
  command: '$0 [goal..]',
  describe: 'Spawn Codex code agents to execute the runnable tasks of a plan',
  builder: (yargs) =>
    orchestrateOptions(yargs, { requireDirs: true }).example(
      '$0 --plan-dir "$PWD/.plans/pr-42" --code-dir "$PWD" --compact-run --handshake results-json --max-tasks 1',
      'Delegate the next task of pr-42',
    ),
  handler: handler(async (args, io) => {
    const { runOrchestrateCli } = await import('./run-orchestrate.js');
    const { toOrchestrateOptions } = await import('./to-options.js');
    return runOrchestrateCli(toOrchestrateOptions(args, { planDir: args.planDir!, codeDir: args.codeDir! }), { json: args.json, flavour: 'kit' }, io);
  }),
};

/** `research`: the pre-plan research agent, with the kit's flags. */
export const researchCommand: CommandModule<object, ResearchArgs> = {
  command: 'research',
  describe: 'Run a research agent that writes .plans/<PR>/research/RESEARCH.md before planning',
  builder: (yargs) =>
    camelCaseFlags(yargs
      .option('repo', { type: 'string', default: '.', describe: 'Repository root' })
      .option('pr', { type: 'string', demandOption: true, describe: 'PR name (.plans/<PR>/)' })
      .option('goal', { type: 'string', demandOption: true, describe: 'What the PR should achieve' })
      .option('out', { type: 'string', describe: 'Research brief path (default .plans/<PR>/research/RESEARCH.md)' })
      .option('dry-run', { type: 'boolean', default: false, describe: 'Write the research plan only; start no agent' })
      .option('ghostty', { type: 'boolean', default: false, describe: 'Run the agent in a new Ghostty window' })
      .option('keep-open', { type: 'boolean', default: false, describe: 'Keep that window open afterwards' })
      .option('timeout-minutes', { type: 'number', default: 45, describe: 'End the agent after this long' })
      .option('run-root', { type: 'string', describe: 'Run folders root (default $CODEX_RUN_ROOT, else ~/.codex/runs)' })
      .option('sandbox', { choices: SANDBOX_MODES, default: 'danger-full-access' as const, describe: 'Sandbox mode' })
      .option('approval', { choices: APPROVAL_POLICIES, default: 'never' as const, describe: 'Approval policy' })
      .option('json', { type: 'boolean', default: false, describe: 'Print one JSON document' })
      .example('$0 research --pr pr-42 --goal "Add rate limiting to the API"', 'Research before planning')),
  handler: handler(async (args, io) => (await import('./run-research.js')).runResearchCli(args, io)),
};

/** `verify`: run one task's verify commands by hand and record the outcome. */
export const verifyCommand: CommandModule<object, VerifyArgs> = {
  command: 'verify',
  describe: "Run a task's verify commands now: pass -> done, fail -> blocked; recorded in plan.json and MASTER.md",
  builder: (yargs) =>
    camelCaseFlags(planLocationOptions(yargs, { repo: 'Repository root (the commands run there)' })
      .option('task', { type: 'string', demandOption: true, describe: 'Task id' })
      .option('timeout-minutes', { type: 'number', default: 10, describe: 'Per verify command' })
      .option('json', { type: 'boolean', default: false, describe: 'Print one JSON document' })
      .example('$0 verify --pr pr-42 --task task_003', 'Check task_003 by hand')),
  handler: handler(async (args, io) => (await import('./run-verify-cli.js')).runVerifyCli(args, io)),
};

/** `check`: which agent CLIs are installed, their versions and flags. */
export const checkCommand: CommandModule<object, { json: boolean }> = {
  command: 'check',
  describe: 'Show which agent CLIs are installed, their versions, and the flags they support',
  builder: (yargs) => yargs.option('json', { type: 'boolean', default: false, describe: 'Print one JSON document' }).example('$0 check', 'Before a first run'),
  handler: handler(async (args, io) => (await import('./run-check.js')).runCheck(args, io)),
};

/** Every command of the `agent-runner` bin. */
export const agentRunnerCommands: AnyCommandModule[] = [runCommand, researchCommand, verifyCommand, checkCommand];

export type { RunArgs } from './orchestrate-options.js';
export type { ResearchArgs, VerifyArgs } from './args.js';
