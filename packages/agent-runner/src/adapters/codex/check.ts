import type { AgentCheck, LoginState } from '../agent-check.js';
import { askCli, checkFromProbe, firstLine } from '../check-cli.js';
import { findCodex } from './find-codex.js';
import { probeCodex } from './probe.js';

/** codex's check: every capability of `codex exec --help` as a flag. */
export function checkCodex(env: NodeJS.ProcessEnv): Promise<AgentCheck> {
  return checkFromProbe('codex', async () => {
    const { bin, version, ...flags } = await probeCodex(findCodex(env), { env });
    return { bin, version, flags: Object.fromEntries(Object.entries(flags).map(([key, value]) => [key, Boolean(value)])) };
  });
}

/** codex tells its login itself (`codex login status`); an API key in the environment counts too. */
export async function codexLoginState(bin: string, env: NodeJS.ProcessEnv): Promise<LoginState> {
  if (env.OPENAI_API_KEY || env.CODEX_API_KEY) return { state: 'yes', detail: 'API key in the environment' };
  const status = await askCli(bin, ['login', 'status'], env);
  if (status.exitCode === 0) return { state: 'yes', detail: firstLine(status.stdout) || 'logged in' };
  return { state: 'no', detail: 'not logged in (run "codex login", or set OPENAI_API_KEY)' };
}
