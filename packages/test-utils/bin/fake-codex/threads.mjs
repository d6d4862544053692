// Thread state between `exec` and `exec resume`: what the task was and the usage so far (codex reports
// usage cumulatively over a thread, so a resume must add to it).
import { randomBytes } from 'node:crypto';
import { mkdir, readdir, readFile, rename, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const ZERO_USAGE = { input_tokens: 0, cached_input_tokens: 0, cache_write_input_tokens: 0, output_tokens: 0, reasoning_output_tokens: 0 };
/** What one fake turn costs. */
export const TURN_USAGE = { input_tokens: 1200, cached_input_tokens: 200, cache_write_input_tokens: 0, output_tokens: 300, reasoning_output_tokens: 40 };

/** `$FAKE_CODEX_STATE_DIR`, else `$CODEX_HOME/fake-codex-threads`, else one under the OS temp dir. */
export function threadsDir(env) {
  return env.FAKE_CODEX_STATE_DIR ?? join(env.CODEX_HOME ?? tmpdir(), 'fake-codex-threads');
}

export function newThread() {
  return { thread_id: `fake-${randomBytes(8).toString('hex')}`, refs: {}, usage: { ...ZERO_USAGE }, turns: 0 };
}

export function addTurnUsage(thread) {
  for (const [key, value] of Object.entries(TURN_USAGE)) thread.usage[key] = (thread.usage[key] ?? 0) + value;
  thread.turns += 1;
  return { ...thread.usage };
}

export async function saveThread(dir, thread) {
  await mkdir(dir, { recursive: true });
  const file = join(dir, `${thread.thread_id}.json`);
  await writeFile(`${file}.tmp-${process.pid}`, JSON.stringify(thread));
  await rename(`${file}.tmp-${process.pid}`, file);
}

/** The saved thread, the newest one when `id` is undefined (`resume --last`), or undefined. */
export async function loadThread(dir, id) {
  const name = id === undefined ? await newestThreadFile(dir) : `${id}.json`;
  if (name === undefined || !/^[A-Za-z0-9_.-]+\.json$/.test(name)) return undefined;
  try {
    return JSON.parse(await readFile(join(dir, name), 'utf8'));
  } catch {
    return undefined;
  }
}

async function newestThreadFile(dir) {
  const names = (await readdir(dir).catch(() => [])).filter((name) => name.endsWith('.json'));
  const dated = await Promise.all(names.map(async (name) => ({ name, time: (await stat(join(dir, name))).mtimeMs })));
  return dated.sort((a, b) => b.time - a.time)[0]?.name;
}
