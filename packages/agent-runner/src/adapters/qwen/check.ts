import { readFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { join } from 'node:path';
import type { AgentCheck, LoginState } from '../agent-check.js';
import { checkHelpFlags } from '../check-cli.js';
import { parseQwenCapabilities, QWEN_CLI } from './probe.js';

/** qwen's check: the flags planwright passes, from `qwen --help`. */
export function checkQwen(env: NodeJS.ProcessEnv): Promise<AgentCheck> {
  return checkHelpFlags(QWEN_CLI, env, parseQwenCapabilities, {
    '--output-format stream-json': 'streamJson',
    '--approval-mode': 'approvalMode',
    '--include-directories': 'includeDirectories',
    '--model': 'model',
    '--resume': 'resume',
  });
}

// The key variable of each auth type qwen offers (`--auth-type`, settings `security.auth.selectedType`).
const KEY_VARIABLES: Record<string, string[]> = {
  openai: ['OPENAI_API_KEY'],
  'openai-responses': ['OPENAI_API_KEY'],
  anthropic: ['ANTHROPIC_API_KEY'],
  gemini: ['GEMINI_API_KEY'],
  'vertex-ai': ['GOOGLE_API_KEY', 'GOOGLE_CLOUD_PROJECT'],
};

/**
 * qwen has no login-status command: its user settings say which auth type it uses (and may hold the key),
 * the environment holds the key otherwise. Headless, it refuses to start without an auth type.
 */
export async function qwenLoginState(_bin: string, env: NodeJS.ProcessEnv): Promise<LoginState> {
  const home = env.QWEN_HOME ?? join(env.HOME ?? homedir(), '.qwen');
  const auth = await readAuth(join(home, 'settings.json'));
  if (auth === 'unreadable') return { state: 'unknown', detail: `cannot read ${join(home, 'settings.json')} (qwen may: it allows comments)` };
  const type = auth.selectedType;
  if (!type) {
    if (env.OPENAI_API_KEY) return { state: 'unknown', detail: 'OPENAI_API_KEY is set, but no auth type is selected (pass --auth-type openai, or run "qwen" once)' };
    return { state: 'no', detail: 'no auth type selected (run "qwen" once to pick a provider, or set security.auth.selectedType in ~/.qwen/settings.json)' };
  }
  if (auth.apiKey) return { state: 'yes', detail: `${type} API key in the qwen settings` };
  const found = (KEY_VARIABLES[type] ?? []).find((name) => env[name]);
  if (found) return { state: 'yes', detail: `${type} with ${found} from the environment` };
  if (!KEY_VARIABLES[type]) return { state: 'unknown', detail: `auth type ${type}: qwen checks it itself` };
  return { state: 'no', detail: `auth type ${type} but no key (set ${KEY_VARIABLES[type]!.join(' or ')})` };
}

async function readAuth(file: string): Promise<{ selectedType?: string; apiKey?: string } | 'unreadable'> {
  const text = await readFile(file, 'utf8').catch(() => undefined);
  if (text === undefined) return {};
  try {
    const settings = JSON.parse(text) as { security?: { auth?: { selectedType?: unknown; apiKey?: unknown } } };
    const auth = settings.security?.auth;
    return { ...(typeof auth?.selectedType === 'string' && { selectedType: auth.selectedType }), ...(typeof auth?.apiKey === 'string' && auth.apiKey && { apiKey: auth.apiKey }) };
  } catch {
    return 'unreadable';
  }
}
