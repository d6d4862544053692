import { printJson, type CliIo } from '@planwright/cli-kit';
import { DEFAULT_AGENT } from '../adapters/agents.js';
import { checkAgents } from '../check/check-agents.js';

/** `check`: one line per agent CLI of the registry; exit 1 when the default agent (codex) is missing. */
export async function runCheck(args: { json: boolean }, io: CliIo): Promise<number> {
  const checks = await checkAgents();
  if (args.json) printJson(io, checks);
  else {
    for (const check of checks) {
      if (!check.installed) {
        io.out(`${check.agent}: not installed (${check.problem})`);
        continue;
      }
      const missing = Object.entries(check.flags).filter(([, has]) => !has).map(([flag]) => flag);
      io.out(`${check.agent} ${check.version} at ${check.bin}${missing.length ? `; lacks ${missing.join(', ')}` : ''}`);
    }
  }
  return checks.find((check) => check.agent === DEFAULT_AGENT)?.installed ? 0 : 1;
}
