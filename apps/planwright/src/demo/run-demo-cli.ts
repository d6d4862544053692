import { type CliIo, printJson, UsageError } from '@planwright/cli-kit';
import { runDemo } from './demo.js';
import { renderEnd, renderProgress, renderStart, renderStep } from './render.js';

export interface DemoArgs {
  keep: boolean;
  live: boolean;
  json: boolean;
  agentTimeoutMinutes?: number;
  planner: boolean;
}

/**
 * `planwright demo`: the steps as they finish (or one JSON document with --json). SIGINT/SIGTERM stop
 * it cleanly: the running agent's process group is ended, the servers stopped, the folder removed.
 */
export async function runDemoCli(args: DemoArgs, io: CliIo): Promise<number> {
  if (args.agentTimeoutMinutes !== undefined && !(args.agentTimeoutMinutes > 0)) {
    throw new UsageError(`--agent-timeout-minutes ${args.agentTimeoutMinutes}: must be more than 0`);
  }
  if (args.planner && args.live) throw new UsageError('--planner runs against the built-in scripted models: leave out --live');
  if (args.live) io.err('planwright demo --live: real models with your own Codex and Gemini logins; this costs tokens.');
  const controller = new AbortController();
  const onSignal = () => controller.abort();
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  try {
    const human = !args.json;
    const result = await runDemo({
      keep: args.keep,
      live: args.live,
      planner: args.planner,
      agentTimeoutMinutes: args.agentTimeoutMinutes,
      signal: controller.signal,
      onStart: human ? (start) => renderStart(io, start, args.keep) : undefined,
      onStep: human ? (step) => renderStep(io, step) : undefined,
      onProgress: human ? (progress) => renderProgress(io, progress) : undefined,
    });
    if (args.json) printJson(io, result);
    else renderEnd(io, result);
    return result.exitCode;
  } finally {
    process.removeListener('SIGINT', onSignal);
    process.removeListener('SIGTERM', onSignal);
  }
}
