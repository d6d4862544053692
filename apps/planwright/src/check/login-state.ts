import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { execa } from 'execa';

/** Whether an agent CLI can reach its model: `yes` (and how), `no` (and the fix), or `unknown`. */
export interface LoginState {
  state: 'yes' | 'no' | 'unknown';
  detail: string;
}

/**
 * Asks each CLI the way it can tell: codex (`codex login status`) and claude (`claude auth status`)
 * report it themselves; gemini has no such command, so its API key variables and its Google login file
 * are looked at. An API key in the environment counts for all three.
 */
export async function loginState(agent: string, bin: string, env: NodeJS.ProcessEnv): Promise<LoginState> {
  switch (agent) {
    case 'codex': {
      if (env.OPENAI_API_KEY || env.CODEX_API_KEY) return { state: 'yes', detail: 'API key in the environment' };
      const status = await execa(bin, ['login', 'status'], { env, reject: false, timeout: 15_000, stdin: 'ignore' });
      if (status.exitCode === 0) return { state: 'yes', detail: firstLine(status.stdout) || 'logged in' };
      return { state: 'no', detail: 'not logged in (run "codex login", or set OPENAI_API_KEY)' };
    }
    case 'claude': {
      if (env.ANTHROPIC_API_KEY) return { state: 'yes', detail: 'API key in the environment' };
      const status = await execa(bin, ['auth', 'status'], { env, reject: false, timeout: 15_000, stdin: 'ignore' });
      try {
        const parsed = JSON.parse(String(status.stdout)) as { loggedIn?: boolean; authMethod?: string };
        return parsed.loggedIn ? { state: 'yes', detail: `logged in (${parsed.authMethod ?? 'account'})` } : { state: 'no', detail: 'not logged in (run "claude" once, or set ANTHROPIC_API_KEY)' };
      } catch {
        return { state: 'unknown', detail: 'login state unknown ("claude auth status" said nothing readable)' };
      }
    }
    case 'gemini': {
      if (env.GEMINI_API_KEY || env.GOOGLE_API_KEY) return { state: 'yes', detail: 'API key in the environment' };
      if (env.GOOGLE_GENAI_USE_VERTEXAI === 'true') return { state: 'yes', detail: 'Vertex AI from the environment' };
      const home = env.GEMINI_CLI_HOME ?? env.HOME ?? homedir();
      if (existsSync(join(home, '.gemini', 'oauth_creds.json'))) return { state: 'yes', detail: 'Google login found' };
      return { state: 'no', detail: 'not logged in (run "gemini" once to log in, or set GEMINI_API_KEY)' };
    }
    default:
      return { state: 'unknown', detail: 'login state unknown' };
  }
}

function firstLine(text: unknown): string {
  return String(text ?? '').trim().split('\n')[0] ?? '';
}
