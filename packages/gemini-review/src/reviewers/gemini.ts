import { GEMINI_EXIT_CODES, geminiHttpStatusOfExit, type SupervisedRun } from '@planwright/agent-runner';
import { z } from 'zod';
import { REVIEW_PROMPT } from '../prompt.js';
import { classifyMessage, classifyStatus, lastMeaningfulLine, reviewerFailure } from './failure.js';
import { findReviewerBin } from './find-bin.js';
import { prepareGeminiWorkspace } from './gemini-workspace.js';
import type { Reviewer, ReviewerOutcome, Tokens } from './reviewer.js';

const TokensSchema = z.looseObject({ prompt: z.number().optional(), input: z.number().optional(), candidates: z.number().optional(), thoughts: z.number().optional(), total: z.number().optional() });
const ModelStatsSchema = z.looseObject({ tokens: TokensSchema.optional(), roles: z.record(z.string(), z.unknown()).optional() });
const ResultSchema = z.looseObject({
  session_id: z.string().optional(),
  response: z.string().optional(),
  stats: z.looseObject({ models: z.record(z.string(), ModelStatsSchema).optional() }).optional(),
});
const ErrorSchema = z.looseObject({
  session_id: z.string().optional(),
  error: z.looseObject({ message: z.string().optional(), code: z.union([z.number(), z.string()]).optional() }),
});

/**
 * Gemini CLI as the reviewer: `gemini -p PROMPT -m MODEL -o json --skip-trust --include-directories REPO`
 * with the bundle on stdin, run in planwright's workspace folder (see gemini-workspace.ts) so that
 * `general.maxAttempts` bounds its retries. Headless gemini offers only its read-only tools unless an
 * approval mode says otherwise, so the repository can be read and not changed. Always with a concrete
 * `-m`: without one gemini first asks a router model.
 */
export const geminiReviewer: Reviewer = {
  name: 'gemini',
  findBin: (env, cwd) => findReviewerBin('gemini', env, cwd),
  async prepare(context) {
    const cwd = await prepareGeminiWorkspace(context.env, context.maxAttempts);
    return {
      cwd,
      args: ['-p', REVIEW_PROMPT, '-m', context.model!, '-o', 'json', '--skip-trust', '--include-directories', context.repo],
      env: { ...context.env, GEMINI_CLI_TRUST_WORKSPACE: 'true', TERM: 'dumb', NO_COLOR: '1' },
      stdin: context.bundle,
    };
  },
  async read(run) {
    if (run.exitCode === 0) return readResult(run);
    const reported = parseError(run.stderr);
    const code = Number(reported?.error.code);
    // `code` is an HTTP status for API errors, gemini's exit code otherwise (41 for auth).
    const status = code >= 400 && code < 600 ? code : geminiHttpStatusOfExit(run.exitCode);
    const message = unwrap(reported?.error.message) ?? lastMeaningfulLine(run.stderr) ?? lastMeaningfulLine(run.stdout);
    // gemini's own exit codes (agent-runner's one table of them): a kind for some, a meaning for the rest.
    const exit = GEMINI_EXIT_CODES[run.exitCode ?? -1];
    const reason = exit?.kind ?? classifyStatus(status) ?? classifyMessage(message ?? '') ?? 'failed';
    const meaning = exit && !exit.kind ? exit.meaning : undefined;
    throw reviewerFailure('gemini', reason, { exitCode: run.exitCode, status, message: meaning && message ? `${meaning}: ${message}` : (meaning ?? message) });
  },
};

function readResult(run: SupervisedRun): ReviewerOutcome {
  let parsed: z.infer<typeof ResultSchema> | undefined;
  try {
    parsed = ResultSchema.parse(JSON.parse(run.stdout));
  } catch {
    parsed = undefined;
  }
  const review = parsed?.response?.trim();
  if (!parsed || !review) {
    throw reviewerFailure('gemini', 'no_review', { exitCode: run.exitCode, message: parsed ? 'the JSON result has an empty "response"' : `stdout is not gemini's JSON result: ${run.stdout.slice(0, 200) || '(empty)'}` });
  }
  const models = Object.entries(parsed.stats?.models ?? {});
  // The models that answered the turn itself (not a router or other side call) are the ones that reviewed.
  const main = models.filter(([, stats]) => !stats.roles || 'main' in stats.roles);
  const used = (main.length ? main : models).map(([name]) => name);
  return { review, modelUsed: used.length ? used.join(', ') : null, sessionId: parsed.session_id ?? null, tokens: sumTokens(models.map(([, stats]) => stats.tokens)) };
}

function sumTokens(all: (z.infer<typeof TokensSchema> | undefined)[]): Tokens | null {
  const present = all.filter((tokens) => tokens !== undefined);
  if (!present.length) return null;
  const input = present.reduce((sum, t) => sum + (t.prompt ?? t.input ?? 0), 0);
  const output = present.reduce((sum, t) => sum + (t.candidates ?? 0) + (t.thoughts ?? 0), 0);
  const total = present.reduce((sum, t) => sum + (t.total ?? 0), 0);
  return { input, output, total: total || input + output };
}

/** An API error's message is often the API's JSON body itself: its inner message reads better. */
function unwrap(message: string | undefined): string | undefined {
  if (!message?.startsWith('{')) return message;
  try {
    const inner = (JSON.parse(message) as { error?: { message?: unknown } }).error?.message;
    return typeof inner === 'string' && inner ? inner : message;
  } catch {
    return message;
  }
}

/** gemini prints `{session_id, error}` as the last (pretty-printed) JSON object on stderr in json mode. */
function parseError(stderr: string): z.infer<typeof ErrorSchema> | undefined {
  const start = stderr.lastIndexOf('\n{');
  const text = start === -1 ? (stderr.startsWith('{') ? stderr : '') : stderr.slice(start + 1);
  try {
    return ErrorSchema.parse(JSON.parse(text));
  } catch {
    return undefined;
  }
}
