import { camelCaseFlags, handler, type AnyCommandModule } from '@planwright/cli-kit';
import type { Argv, CommandModule } from 'yargs';
import type { ReviewArgs } from './args.js';

// Command modules only: flags and help. The work is imported inside the handler, so `--help` loads none of it.

/** The flags: the Python kit's (`--repo --pr --plan-options --out --model --extra --dry-run`) first. */
function reviewOptions(yargs: Argv): Argv<ReviewArgs> {
  return camelCaseFlags(
    yargs
      .option('repo', { type: 'string', default: '.', describe: 'Repository root' })
      .option('pr', { type: 'string', demandOption: true, describe: 'PR name (.plans/<PR>/)' })
      .option('plan-options', { type: 'string', describe: 'Plan options to review (default .plans/<PR>/preplan/PLAN_OPTIONS.md)' })
      .option('out', { type: 'string', describe: 'Review file (default .plans/<PR>/preplan/GEMINI_PLAN_REVIEW.md)' })
      .option('model', { type: 'string', describe: 'Reviewer model (default gemini-3-pro-preview; codex, claude: their own)' })
      .option('extra', { type: 'string', array: true, describe: 'Another file for the bundle (repeatable)' })
      .option('dry-run', { type: 'boolean', default: false, describe: 'Write the model and the bundle it would send; call no reviewer' })
      .option('reviewer', { choices: ['gemini', 'codex', 'claude'] as const, default: 'gemini' as const, describe: 'CLI that reviews, read-only' })
      .option('timeout-minutes', { type: 'number', default: 10, describe: "End the reviewer's process group after this long" })
      .option('max-attempts', { type: 'number', default: 2, describe: 'Model API attempts per request, 1-10 (1: no retry)' })
      .option('max-bundle-kb', { type: 'number', default: 400, describe: 'Refuse a bigger bundle' })
      .option('redact', { type: 'boolean', default: false, describe: 'Replace likely secrets with [REDACTED] instead of refusing' })
      .option('allow-secrets', { type: 'boolean', default: false, describe: 'Send likely secrets as they are' })
      .option('json', { type: 'boolean', default: false, describe: 'Print one JSON document' }),
  );
}

function reviewModule(command: string, example: string): CommandModule<object, ReviewArgs> {
  return {
    command,
    describe: 'Have Gemini (or Codex, Claude) critique the plan options before one is chosen',
    builder: (yargs) =>
      reviewOptions(yargs)
        .example(`${example} --pr pr-42`, 'Review .plans/pr-42/preplan/PLAN_OPTIONS.md into GEMINI_PLAN_REVIEW.md')
        .example(`${example} --pr pr-42 --reviewer codex`, 'Let Codex review it, read-only'),
    handler: handler(async (args, io) => (await import('./run-review.js')).runReview(args, io)),
  };
}

/** `planwright review`: the plan critique, mounted by the umbrella CLI. */
export const reviewCommand: CommandModule<object, ReviewArgs> = reviewModule('review', '$0 review');

/** The `gemini-review` bin: the same command as the whole CLI, with the kit's command line. */
export const geminiReviewCommand: CommandModule<object, ReviewArgs> = reviewModule('$0', '$0');

/** Every command of the `gemini-review` bin. */
export const geminiReviewCommands: AnyCommandModule[] = [geminiReviewCommand];

export type { ReviewArgs } from './args.js';
