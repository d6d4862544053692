import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { agentLoginState } from '@planwright/agent-runner';
import { PlanwrightError } from '@planwright/cli-kit';
import { type CodexServer, type GeminiServer, prepareCodexHome, prepareGeminiHome, startCodexServer, startGeminiServer } from '@planwright/scripted-models';
import { demoCodexScript, demoReviewScript } from './demo-agent.js';
import type { FoundCli } from './find-cli.js';

/** The models the demo's agents talk to, and the environment that points them there. */
export interface DemoModels {
  /** The environment of every agent and reviewer of the demo. */
  env: NodeJS.ProcessEnv;
  /** The scripted servers' base URLs (none with `live`). */
  servers: { codex?: string; gemini?: string };
  /** Stops the scripted servers (their open connections too). */
  close(): Promise<void>;
}

// Variables of the user's that would point the CLIs or the orchestrator somewhere else than the servers.
const SCRUBBED = ['CODEX_ORCH_CONFIG', 'CODEX_RUN_ROOT', 'GOOGLE_API_KEY', 'GOOGLE_GENAI_USE_VERTEXAI', 'GOOGLE_GENAI_USE_GCA', 'GOOGLE_CLOUD_PROJECT', 'GEMINI_SYSTEM_MD'];

/**
 * Starts the scripted Codex and Gemini servers on 127.0.0.1, with a CODEX_HOME and a GEMINI_CLI_HOME in
 * `dir/models/` that point the real CLIs at them; TMPDIR and XDG_CACHE_HOME go into `dir` too, so that
 * nothing the CLIs write outlives the temp folder.
 */
export async function startScriptedModels(dir: string, base: NodeJS.ProcessEnv, clis: FoundCli[], modelsDir: string): Promise<DemoModels> {
  const started: Array<CodexServer | GeminiServer> = [];
  try {
    const codex = await startCodexServer({ script: demoCodexScript(modelsDir) });
    started.push(codex);
    const gemini = await startGeminiServer({ script: demoReviewScript(modelsDir) });
    started.push(gemini);
    const codexHome = await prepareCodexHome({ server: codex, dir: join(dir, 'models', 'codex-home') });
    const geminiHome = await prepareGeminiHome({ server: gemini, dir: join(dir, 'models', 'gemini-home') });
    const env: NodeJS.ProcessEnv = { ...base, ...binVariables(clis), ...codexHome.env, ...geminiHome.env, TMPDIR: join(dir, 'tmp'), XDG_CACHE_HOME: join(dir, 'cache') };
    for (const name of SCRUBBED) delete env[name];
    await mkdir(join(dir, 'tmp'), { recursive: true });
    return { env, servers: { codex: codex.url, gemini: gemini.url }, close: () => closeAll(started) };
  } catch (error) {
    await closeAll(started);
    throw error;
  }
}

/**
 * The user's own providers: their environment as it is (logins, CODEX_HOME, gemini settings), with only
 * CODEX_BIN and GEMINI_BIN set to the CLIs found. Refuses before anything starts when a CLI can tell that
 * it is not logged in.
 */
export async function liveModels(base: NodeJS.ProcessEnv, clis: FoundCli[]): Promise<DemoModels> {
  for (const cli of clis) {
    const login = await agentLoginState(cli.name, cli.path, base);
    if (login.state === 'no') {
      throw new PlanwrightError(`--live: ${cli.name} is ${login.detail}`, { hint: 'log in first, or run the demo without --live (scripted models, no credentials)' });
    }
  }
  return { env: { ...base, ...binVariables(clis) }, servers: {}, close: async () => undefined };
}

function binVariables(clis: FoundCli[]): NodeJS.ProcessEnv {
  return Object.fromEntries(clis.map((cli) => [cli.name === 'codex' ? 'CODEX_BIN' : 'GEMINI_BIN', cli.path]));
}

async function closeAll(servers: Array<{ close(): Promise<void> }>): Promise<void> {
  await Promise.all(servers.map((server) => server.close()));
}
