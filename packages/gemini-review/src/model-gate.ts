import { UsageError } from '@planwright/cli-kit';

/** The CLIs that can review a plan. */
export const REVIEWERS = ['gemini', 'codex', 'claude'] as const;
export type ReviewerName = (typeof REVIEWERS)[number];

/** The kit's default reviewer model (Gemini rewrites it to the current 3.x pro model). */
export const DEFAULT_GEMINI_MODEL = 'gemini-3-pro-preview';

interface Rule {
  refuses: (model: string) => boolean;
  why: string;
}

// A plan review is only worth having from a strong model: each reviewer refuses its light tiers. The
// gemini rules are the Python kit's, word for word; codex and claude get the same idea for their names.
const RULES: Record<ReviewerName, { rules: Rule[]; passing: string }> = {
  gemini: {
    passing: DEFAULT_GEMINI_MODEL,
    rules: [
      { refuses: (m) => !m.startsWith('gemini-3-'), why: 'it does not start with "gemini-3-" (plan reviews need a Gemini 3 model)' },
      { refuses: (m) => m.includes('flash'), why: 'it contains "flash" (flash models are too light for a plan review)' },
      { refuses: (m) => !m.includes('pro'), why: 'it lacks "pro" (plan reviews need a pro model)' },
    ],
  },
  codex: {
    passing: 'gpt-5.5',
    rules: [{ refuses: (m) => /mini|nano/.test(m), why: 'it is a mini/nano model (too light for a plan review)' }],
  },
  claude: {
    passing: 'opus',
    rules: [{ refuses: (m) => m.includes('haiku'), why: 'it is a haiku model (too light for a plan review)' }],
  },
};

/**
 * The model gate: throws a UsageError (exit 2) naming the rule that refuses `model` and a model that would
 * pass. For codex and claude a model is optional (their CLI's own default is used), and gated only when given.
 *
 * @example
 * checkModel('gemini', 'gemini-3-flash-preview'); // throws: ... it contains "flash" ... (try --model gemini-3-pro-preview)
 */
export function checkModel(reviewer: ReviewerName, model: string | undefined): void {
  if (model === undefined) return;
  const gate = RULES[reviewer];
  const hint = `try --model ${gate.passing}`;
  if (!model || /\s/.test(model) || model.startsWith('-')) {
    throw new UsageError(`--model ${JSON.stringify(model)}: not a model name`, { hint });
  }
  const name = model.toLowerCase();
  for (const rule of gate.rules) {
    if (rule.refuses(name)) throw new UsageError(`--model ${model}: refused for a ${reviewer} review: ${rule.why}`, { hint });
  }
}
