import { isPlanwrightError, UsageError } from '@planwright/cli-kit';
import { findAgentCli, type AgentCliSpec } from '../adapters/cli-probe.js';
import { CLAUDE_CLI } from '../adapters/claude/probe.js';
import { CODEX_CLI } from '../adapters/codex/probe.js';
import { findProgram } from '../adapters/custom/custom-adapter.js';
import { GEMINI_CLI } from '../adapters/gemini/probe.js';
import type { OrchestratorConfig } from '../config/orchestrator-config.js';

const BUILTIN_CLIS: Record<string, AgentCliSpec> = { codex: CODEX_CLI, gemini: GEMINI_CLI, claude: CLAUDE_CLI };

/**
 * Finds the program an agent runs (`$CODEX_BIN`, codex on PATH, a custom agent's command), by looking,
 * not by running it. A missing one is a set-up mistake, reported as a usage error (exit 2) before any
 * file is written, never as a blocked task.
 */
export function locateAgent(name: string, config: OrchestratorConfig, context: { env: NodeJS.ProcessEnv; codeDir: string; configFile?: string }): string {
  try {
    const spec = BUILTIN_CLIS[name];
    if (spec) return findAgentCli(spec, context.env, context.codeDir);
    const program = config.agents?.[name]?.command?.[0] ?? '';
    // A placeholder in the program's name is only known per task: the launch checks it then.
    if (program.includes('{')) return program;
    return findProgram(program, context, `${context.configFile ?? 'orchestrator.toml'}: agents.${name}`);
  } catch (error) {
    if (!isPlanwrightError(error)) throw error;
    throw new UsageError(error.message, { hint: error.hint, cause: error });
  }
}
