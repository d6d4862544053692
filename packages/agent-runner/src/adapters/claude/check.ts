import type { AgentCheck, LoginState } from '../agent-check.js';
import { findAgentCli, probeCli } from '../cli-probe.js';
import { askCli, checkFromProbe } from '../check-cli.js';
import { CLAUDE_CLI, parseClaudeCapabilities } from './probe.js';

/** claude's check: the flags planwright passes, from `claude --help`. */
export function checkClaude(env: NodeJS.ProcessEnv): Promise<AgentCheck> {
  return checkFromProbe('claude', async () => {
    const probed = await probeCli(CLAUDE_CLI, findAgentCli(CLAUDE_CLI, env), { env });
    const caps = parseClaudeCapabilities(probed.bin, probed.version, probed.help);
    const flags = {
      '--print': caps.print,
      '--output-format': caps.streamJson,
      '--verbose': caps.verbose,
      '--permission-mode': caps.permissionMode,
      '--add-dir': caps.addDir,
      '--model': caps.model,
      '--resume': caps.resume,
    };
    return { bin: probed.bin, version: probed.version, flags };
  });
}

/** claude tells its login itself (`claude auth status`, JSON); an API key in the environment counts too. */
export async function claudeLoginState(bin: string, env: NodeJS.ProcessEnv): Promise<LoginState> {
  if (env.ANTHROPIC_API_KEY) return { state: 'yes', detail: 'API key in the environment' };
  const status = await askCli(bin, ['auth', 'status'], env);
  try {
    const parsed = JSON.parse(String(status.stdout)) as { loggedIn?: boolean; authMethod?: string };
    return parsed.loggedIn ? { state: 'yes', detail: `logged in (${parsed.authMethod ?? 'account'})` } : { state: 'no', detail: 'not logged in (run "claude" once, or set ANTHROPIC_API_KEY)' };
  } catch {
    return { state: 'unknown', detail: 'login state unknown ("claude auth status" said nothing readable)' };
  }
}
