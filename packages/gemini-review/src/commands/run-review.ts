import { displayPath } from '@planwright/plan-schema';
import { printJson, type CliIo } from '@planwright/cli-kit';
import { describeBundle, formatCount } from '../review-file.js';
import { reviewPlan } from '../review-plan.js';
import type { ReviewArgs } from './args.js';

/** `gemini-review`: the bundle line before the call, then where the review is, the model and tokens. */
export async function runReview(args: ReviewArgs, io: CliIo): Promise<number> {
  const controller = new AbortController();
  const onSignal = () => controller.abort();
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  try {
    const result = await reviewPlan({
      ...args,
      signal: controller.signal,
      onBundle: args.json ? undefined : (bundle) => io.out(`bundle: ${describeBundle(bundle)}`),
    });
    if (args.json) {
      printJson(io, result);
      return 0;
    }
    const file = displayPath(result.output, process.cwd());
    if (result.dry_run) {
      if (result.missing_plan_options) io.out(`no plan options yet: ${result.missing_plan_options} (the real review needs them)`);
      io.out(`dry run: wrote a stub naming ${result.model_requested ?? `the ${result.reviewer} default model`} to ${file}; no reviewer was called`);
      return 0;
    }
    const asked = result.model_requested && result.model_requested !== result.model_used ? ` (asked for ${result.model_requested})` : '';
    const tokens = result.tokens ? `, ${formatCount(result.tokens.total)} tokens` : '';
    io.out(`review: ${file} (${result.reviewer}, model ${result.model_used ?? 'not reported'}${asked}${tokens}, ${(result.duration_ms / 1000).toFixed(1)} s)`);
    return 0;
  } finally {
    process.removeListener('SIGINT', onSignal);
    process.removeListener('SIGTERM', onSignal);
  }
}
