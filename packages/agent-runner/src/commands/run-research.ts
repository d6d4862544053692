import { printJson, type CliIo } from '@planwright/cli-kit';
import { runResearch } from '../research/research.js';
import type { ApprovalPolicy, SandboxMode } from '../adapters/access.js';
import type { ResearchArgs } from './args.js';
import { renderEvent } from './render-events.js';

/** `research`: the research run with progress lines, then where the brief is. */
export async function runResearchCli(args: ResearchArgs, io: CliIo): Promise<number> {
  const controller = new AbortController();
  const onSignal = () => controller.abort();
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  try {
    const result = await runResearch({
      ...args,
      sandbox: args.sandbox as SandboxMode,
      approval: args.approval as ApprovalPolicy,
      signal: controller.signal,
      onEvent: args.json ? undefined : (event) => renderEvent(event, io),
    });
    if (args.json) printJson(io, result);
    else if (result.dryRun) {
      io.out(`Wrote research plan file: ${result.planFile}`);
      io.out(`Research output path: ${result.outputFile}`);
    } else io.out(`${result.exitCode === 0 ? 'research brief' : 'research failed; see'}: ${result.outputFile}`);
    return result.exitCode;
  } finally {
    process.removeListener('SIGINT', onSignal);
    process.removeListener('SIGTERM', onSignal);
  }
}
