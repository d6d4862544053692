import { packageVersion, type CliIo } from '@planwright/cli-kit';
import { runCli } from '@planwright/cli-kit/run-cli';
import { geminiReviewCommands } from './commands/index.js';

/**
 * `gemini-review`: the Python kit's plan review command line, every flag and default kept.
 *
 * @example
 * process.exitCode = await main(['--pr', 'pr-42']);
 */
export function main(argv: string[], io?: CliIo): Promise<number> {
  return runCli(
    {
      scriptName: 'gemini-review',
      version: packageVersion(import.meta.url, '@planwright/gemini-review'),
      description:
        'gemini-review --pr PR [options]\n\n' +
        'Have Gemini critique the plan options of .plans/<PR>/ before one is chosen: the plan options, CONTEXT.md, ' +
        'RESEARCH.md and --extra files go to the reviewer as one bundle on stdin; the review goes to GEMINI_PLAN_REVIEW.md.',
      commands: geminiReviewCommands,
      singleCommand: true,
      epilogue:
        'Gemini models must start with gemini-3-, contain pro and not flash. The reviewer binary is $GEMINI_BIN ' +
        '($CODEX_BIN, $CLAUDE_BIN), else the one on PATH. Likely secrets in the bundle are refused unless --redact ' +
        'or --allow-secrets.\n\n' +
        'Exit codes: 0 reviewed, 1 the review failed (auth, rate limit, server error, reviewer CLI missing), ' +
        '2 bad input (nothing written), 124 timeout.',
    },
    argv,
    io,
  );
}
