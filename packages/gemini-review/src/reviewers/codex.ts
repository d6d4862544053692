import type { SupervisedRun } from '@planwright/agent-runner';
import { z } from 'zod';
import { promptWithBundle } from '../prompt.js';
import { codexModelFromRollout } from './codex-rollout.js';
import { classifyMessage, lastMeaningfulLine, reviewerFailure } from './failure.js';
import { findReviewerBin } from './find-bin.js';
import type { Reviewer, ReviewerContext, ReviewerOutcome } from './reviewer.js';

const EventSchema = z.looseObject({
  type: z.string(),
  thread_id: z.string().optional(),
  item: z.looseObject({ type: z.string().optional(), text: z.string().optional() }).optional(),
  usage: z.looseObject({ input_tokens: z.number().optional(), output_tokens: z.number().optional() }).optional(),
  error: z.looseObject({ message: z.string().optional() }).optional(),
  message: z.string().optional(),
});
type CodexEvent = z.infer<typeof EventSchema>;

/**
 * Codex CLI as the reviewer: `codex exec --json --skip-git-repo-check -s read-only -C REPO [-m MODEL] -`
 * with the bundle and the prompt on stdin (closed after). The review is the last agent message.
 */
export const codexReviewer: Reviewer = {
  name: 'codex',
  findBin: (env, cwd) => findReviewerBin('codex', env, cwd),
  async prepare(context) {
    return {
      cwd: context.repo,
      args: ['exec', '--json', '--skip-git-repo-check', '-s', 'read-only', '-C', context.repo, ...(context.model ? ['-m', context.model] : []), '-'],
      env: { ...context.env },
      stdin: promptWithBundle(context.bundle),
    };
  },
  async read(run, context) {
    const events = parseEvents(run.stdout);
    const thread = events.find((event) => event.type === 'thread.started')?.thread_id ?? null;
    const failed = events.find((event) => event.type === 'turn.failed');
    const completed = events.findLast((event) => event.type === 'turn.completed');
    const review = events.findLast((event) => event.type === 'item.completed' && event.item?.type === 'agent_message')?.item?.text?.trim();
    if (run.exitCode !== 0 || failed || !completed) throw failure(run, events, failed);
    if (!review) throw reviewerFailure('codex', 'no_review', { exitCode: run.exitCode, message: 'the turn ended without an agent message' });
    return outcome(review, thread, completed, run, context);
  },
};

async function outcome(review: string, thread: string | null, completed: CodexEvent, run: SupervisedRun, context: ReviewerContext): Promise<ReviewerOutcome> {
  const startedAt = new Date(Date.now() - run.durationMs);
  const fromSession = thread ? await codexModelFromRollout(context.env, thread, startedAt) : undefined;
  const input = completed.usage?.input_tokens ?? 0;
  const output = completed.usage?.output_tokens ?? 0;
  return {
    review,
    modelUsed: fromSession ?? context.model ?? null,
    sessionId: thread,
    tokens: completed.usage ? { input, output, total: input + output } : null,
  };
}

function failure(run: SupervisedRun, events: CodexEvent[], failed: CodexEvent | undefined) {
  const errors = events.filter((event) => event.type === 'error').map((event) => event.message);
  const message = failed?.error?.message ?? errors.at(-1) ?? lastMeaningfulLine(run.stderr);
  return reviewerFailure('codex', classifyMessage(message ?? '') ?? 'failed', { exitCode: run.exitCode, message });
}

function parseEvents(stdout: string): CodexEvent[] {
  return stdout.split('\n').flatMap((line) => {
    if (!line.startsWith('{')) return [];
    try {
      const parsed = EventSchema.safeParse(JSON.parse(line));
      return parsed.success ? [parsed.data] : [];
    } catch {
      return [];
    }
  });
}
