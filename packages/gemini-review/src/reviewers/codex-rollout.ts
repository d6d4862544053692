import { createReadStream } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';

/**
 * The model codex used for a thread, from its session file
 * (`$CODEX_HOME/sessions/YYYY/MM/DD/rollout-<ts>-<thread>.jsonl`, the `turn_context` line): `codex exec
 * --json` events do not name the model, and without `-m` it comes from the user's config. Undefined when
 * the file is not found (an `--ephemeral` run, another layout).
 */
export async function codexModelFromRollout(env: NodeJS.ProcessEnv, threadId: string, startedAt: Date): Promise<string | undefined> {
  const sessions = join(env.CODEX_HOME || join(env.HOME || homedir(), '.codex'), 'sessions');
  for (const day of candidateDays(startedAt)) {
    const dir = join(sessions, ...day);
    const name = (await readdir(dir).catch(() => [] as string[])).find((file) => file.endsWith(`-${threadId}.jsonl`));
    if (name) return turnModel(join(dir, name));
  }
  return undefined;
}

/** The session folder is dated when the thread started, in local time or UTC depending on the build. */
function candidateDays(at: Date): string[][] {
  const pad = (n: number) => String(n).padStart(2, '0');
  const days = [
    [String(at.getFullYear()), pad(at.getMonth() + 1), pad(at.getDate())],
    [String(at.getUTCFullYear()), pad(at.getUTCMonth() + 1), pad(at.getUTCDate())],
  ];
  return days[0]!.join('/') === days[1]!.join('/') ? [days[0]!] : days;
}

async function turnModel(file: string): Promise<string | undefined> {
  const lines = createInterface({ input: createReadStream(file, 'utf8'), crlfDelay: Infinity });
  try {
    for await (const line of lines) {
      if (!line.includes('"turn_context"')) continue;
      try {
        const model = JSON.parse(line)?.payload?.model;
        if (typeof model === 'string' && model) return model;
      } catch {
        // A line cut short while codex wrote it: keep looking.
      }
    }
  } finally {
    lines.close();
  }
  return undefined;
}
