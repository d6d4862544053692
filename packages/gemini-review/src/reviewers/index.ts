import type { ReviewerName } from '../model-gate.js';
import { claudeReviewer } from './claude.js';
import { codexReviewer } from './codex.js';
import { geminiReviewer } from './gemini.js';
import type { Reviewer } from './reviewer.js';

/** Every reviewer by name. */
export const reviewers: Record<ReviewerName, Reviewer> = { gemini: geminiReviewer, codex: codexReviewer, claude: claudeReviewer };
