import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import type { AgentCheck, LoginState } from '../agent-check.js';
import { checkHelpFlags } from '../check-cli.js';
import { GEMINI_CLI, parseGeminiCapabilities, probeGeminiCli } from './probe.js';

/** gemini's check: the flags planwright passes, from `gemini --help` (probed in a throwaway home). */
export function checkGemini(env: NodeJS.ProcessEnv): Promise<AgentCheck> {
  const flags = {
    '--prompt': 'prompt',
    '--output-format stream-json': 'streamJson',
    '--approval-mode': 'approvalMode',
    '--skip-trust': 'skipTrust',
    '--include-directories': 'includeDirectories',
    '--model': 'model',
    '--resume': 'resume',
  } as const;
  return checkHelpFlags(GEMINI_CLI, env, parseGeminiCapabilities, flags, (bin) => probeGeminiCli(bin, env));
}

/** gemini has no login-status command: its API key variables and its Google login file tell. */
export async function geminiLoginState(_bin: string, env: NodeJS.ProcessEnv): Promise<LoginState> {
  if (env.GEMINI_API_KEY || env.GOOGLE_API_KEY) return { state: 'yes', detail: 'API key in the environment' };
  if (env.GOOGLE_GENAI_USE_VERTEXAI === 'true') return { state: 'yes', detail: 'Vertex AI from the environment' };
  const home = env.GEMINI_CLI_HOME ?? env.HOME ?? homedir();
  if (existsSync(join(home, '.gemini', 'oauth_creds.json'))) return { state: 'yes', detail: 'Google login found' };
  return { state: 'no', detail: 'not logged in (run "gemini" once to log in, or set GEMINI_API_KEY)' };
}
