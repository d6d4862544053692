import { printJson, type CliIo } from '@planwright/cli-kit';
import { orchestrate } from '../orchestrate/orchestrate.js';
import type { OrchestrateOptions } from '../orchestrate/options.js';
import { LiveBoard } from './live-board.js';
import { renderEvent } from './render-events.js';

/**
 * Runs the orchestrator for a CLI: progress lines as it goes (or one JSON document with --json), and
 * SIGINT/SIGTERM turned into a clean stop — our agents' groups ended, `stopped` recorded, the plan left
 * consistent — instead of the process dying mid-write.
 */
export async function runOrchestrateCli(options: OrchestrateOptions, json: boolean, io: CliIo): Promise<number> {
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
          ? undefined
          : (event) => {
              renderEvent(event, lines);
              board?.observe(event);
            },
      });
      if (json) printJson(io, result);
      return result.exitCode;
    } finally {
      board?.stop();
    }
  } finally {
    process.removeListener('SIGINT', onSignal);
    process.removeListener('SIGTERM', onSignal);
  }
}
