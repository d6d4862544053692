import type { AgentCheck, LoginState } from '../agent-check.js';
import { askCli, checkHelpFlags } from '../check-cli.js';
import { CLAUDE_CLI, parseClaudeCapabilities } from './probe.js';

/** claude's check: the flags planwright passes, from `claude --help`. */
export function checkClaude(env: NodeJS.ProcessEnv): Promise<AgentCheck> {
  return checkHelpFlags(CLAUDE_CLI, env, parseClaudeCapabilities, {
    '--print': 'print',
    '--output-format': 'streamJson',
    '--verbose': 'verbose',
    '--permission-mode': 'permissionMode',
    '--add-dir': 'addDir',
    '--model': 'model',
    '--resume': 'resume',
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
