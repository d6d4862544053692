import { resolve } from 'node:path';
import { AgentNotFoundError, findOnPath, isExecutable } from '@planwright/agent-runner';
import type { ReviewerName } from '../model-gate.js';

const INSTALL: Record<ReviewerName, string> = {
  gemini: 'npm install -g @google/gemini-cli',
  codex: 'npm install -g @openai/codex',
  claude: 'npm install -g @anthropic-ai/claude-code',
};

/**
 * The reviewer's binary: `$GEMINI_BIN` (`$CODEX_BIN`, `$CLAUDE_BIN`) when set, else the first one on PATH.
 * Found by looking, not by running it. Missing: AgentNotFoundError (exit 1, an environment problem, as for
 * every planwright command that needs an agent CLI) with the way to install it.
 */
export function findReviewerBin(name: ReviewerName, env: NodeJS.ProcessEnv, cwd: string): string {
  const variable = `${name.toUpperCase()}_BIN`;
  const explicit = env[variable];
  if (explicit) {
    const path = explicit.includes('/') ? resolve(cwd, explicit) : findOnPath(explicit, env);
    if (path && isExecutable(path)) return path;
    throw new AgentNotFoundError(`${variable}=${explicit}: no such executable`, { hint: `point ${variable} at the ${name} binary, or unset it to use ${name} from PATH` });
  }
  const found = findOnPath(name, env);
  if (found) return found;
  throw new AgentNotFoundError(`${name} not found on PATH`, { hint: `install it: ${INSTALL[name]} (or set ${variable})` });
}
