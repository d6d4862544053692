import { printJson, type CliIo } from '@planwright/cli-kit';
import { describeStop } from '@planwright/run-store';
import { orchestrate } from '../orchestrate/orchestrate.js';
import type { OrchestrateOptions } from '../orchestrate/options.js';
import { LiveBoard } from './live-board.js';
import { renderEvent } from './render-events.js';

/** Which command line is running: codex-orchestrate keeps the kit's exit codes and lines, `run` planwright's. */
export type CliFlavour = 'kit' | 'planwright';

/**
 * Runs the orchestrator for a CLI: progress lines as it goes (or one JSON document with --json), and
 * SIGINT/SIGTERM turned into a clean stop — our agents' groups ended, `stopped` recorded, the plan left
 * consistent — instead of the process dying mid-write.
 */
export async function runOrchestrateCli(options: OrchestrateOptions, { json, flavour }: { json: boolean; flavour: CliFlavour }, io: CliIo): Promise<number> {
  const controller = new AbortController();
  const onSignal = () => controller.abort();
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  try {
    // In a terminal, a live line per running task sits under the progress lines.
    const board = !json && io.stdoutIsTTY && io.write ? new LiveBoard(io as CliIo & { write(text: string): void }) : undefined;
    const lines: CliIo = board ? { ...io, out: (text) => board.print(text) } : io;
    board?.start();
    try {
      const result = await orchestrate({
        ...options,
        signal: controller.signal,
        onEvent: json
          ? (event) => event.type === 'notice' && renderEvent(event, io)
          : (event) => {
              renderEvent(event, lines, flavour === 'kit' ? 'kit' : 'short');
              board?.observe(event);
            },
      });
      const exitCode = flavour === 'kit' ? kitExitCode(result.exitCode) : result.exitCode;
      if (json) printJson(io, { ...result, exitCode });
      // The summary line (codex-orchestrate keeps the kit's lines): why nothing more ran.
      else if (flavour === 'planwright' && result.stoppedBecause && !options.noWait) lines.out(`run stopped: ${describeStop(result.stoppedBecause)}`);
      return exitCode;
    } finally {
      board?.stop();
    }
  } finally {
    process.removeListener('SIGINT', onSignal);
    process.removeListener('SIGTERM', onSignal);
  }
}

/**
 * The kit's exit codes: 0 once the tasks ran, whatever the agents reported (a blocked task is blocked in
 * plan.json; a `set -e` script goes on to read it) and after control/stop; 124 a timeout; 130
 * interrupted. Bad input (2) and planwright's own failures (1) are errors, not results.
 */
export function kitExitCode(exitCode: number): number {
  return exitCode === 1 || exitCode === 2 ? 0 : exitCode;
}
