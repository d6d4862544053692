import type { AnyCommandModule } from '@planwright/cli-kit';

// Command modules only: flags and help. The work is imported inside each handler, so `--help` loads none of it.

/** The `planwright-worker` bin's commands, mounted by the umbrella too. */
export const workersCommands: AnyCommandModule[] = [];
