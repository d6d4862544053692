import { z } from 'zod';
import { promptWithBundle } from '../prompt.js';
import { classifyMessage, classifyStatus, lastMeaningfulLine, reviewerFailure } from './failure.js';
import { findReviewerBin } from './find-bin.js';
import type { Reviewer } from './reviewer.js';

const ResultSchema = z.looseObject({
  type: z.literal('result'),
  is_error: z.boolean().optional(),
  result: z.string().optional(),
  session_id: z.string().optional(),
  api_error_status: z.number().nullable().optional(),
  usage: z
    .looseObject({
      input_tokens: z.number().optional(),
      output_tokens: z.number().optional(),
      cache_read_input_tokens: z.number().optional(),
      cache_creation_input_tokens: z.number().optional(),
    })
    .optional(),
  modelUsage: z.record(z.string(), z.unknown()).optional(),
});

/**
 * Claude Code as the reviewer: `claude -p --output-format json --permission-mode plan [--model MODEL]`
 * with the bundle and the prompt on stdin. Claude retries every API error ten times unless told
 * otherwise, so CLAUDE_CODE_MAX_RETRIES is set from `maxAttempts`.
 */
export const claudeReviewer: Reviewer = {
  name: 'claude',
  findBin: (env, cwd) => findReviewerBin('claude', env, cwd),
  async prepare(context) {
    return {
      cwd: context.repo,
      args: ['-p', '--output-format', 'json', '--permission-mode', 'plan', ...(context.model ? ['--model', context.model] : [])],
      env: { ...context.env, CLAUDE_CODE_MAX_RETRIES: String(context.maxAttempts - 1) },
      stdin: promptWithBundle(context.bundle),
    };
  },
  async read(run) {
    let result: z.infer<typeof ResultSchema> | undefined;
    try {
      result = ResultSchema.parse(JSON.parse(run.stdout));
    } catch {
      result = undefined;
    }
    if (!result || result.is_error || run.exitCode !== 0) {
      const status = result?.api_error_status ?? undefined;
      const message = result?.result ?? lastMeaningfulLine(run.stderr) ?? lastMeaningfulLine(run.stdout);
      throw reviewerFailure('claude', classifyStatus(status) ?? classifyMessage(message ?? '') ?? 'failed', { exitCode: run.exitCode, status, message });
    }
    const review = result.result?.trim();
    if (!review) throw reviewerFailure('claude', 'no_review', { exitCode: run.exitCode, message: 'the result is empty' });
    const usage = result.usage;
    const input = (usage?.input_tokens ?? 0) + (usage?.cache_read_input_tokens ?? 0) + (usage?.cache_creation_input_tokens ?? 0);
    const output = usage?.output_tokens ?? 0;
    const models = Object.keys(result.modelUsage ?? {});
    return {
      review,
      modelUsed: models.length ? models.join(', ') : null,
      sessionId: result.session_id ?? null,
      tokens: usage ? { input, output, total: input + output } : null,
    };
  },
};
