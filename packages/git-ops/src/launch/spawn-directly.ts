import { spawn } from 'node:child_process';
import { withoutFinalNewline, type Launch, type Spawned } from './spawned.js';

/**
 * git as a plain child process of this one, its output collected. Not execa: a coordinator of workers
 * runs thousands of git commands, and execa's set-up per process (its PATH search, its listeners) cost
 * about as much node time as the spawn itself.
 */
export function spawnDirectly({ args, cwd, env }: Launch): Promise<Spawned> {
  return new Promise((done) => {
    let settled = false;
    const settle = (result: Spawned) => {
      if (settled) return;
      settled = true;
      done(result);
    };
    const child = spawn('git', args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => out.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => err.push(chunk));
    child.once('error', (error: NodeJS.ErrnoException) => settle({ stdout: '', stderr: '', code: error.code, cause: error }));
    child.once('close', (code) => settle({ stdout: withoutFinalNewline(Buffer.concat(out)), stderr: withoutFinalNewline(Buffer.concat(err)), exitCode: code ?? undefined }));
  });
}
