// Test helpers (not exported): `planwright demo` in-process, and what a finished demo left behind.
import { existsSync, readdirSync } from 'node:fs';
import { captureIo } from '@planwright/cli-kit';
import { runCli } from '@planwright/cli-kit/run-cli';
import { execa } from 'execa';
import { onTestFinished, vi } from 'vitest';
import { demoCommand } from './command.js';

/** `planwright demo ARGS` in this process, mounted as the umbrella CLI mounts it. */
export async function demoCli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const io = captureIo();
  const code = await runCli({ scriptName: 'planwright', version: '0.0.0', description: 'planwright', commands: [demoCommand] }, ['demo', ...args], io);
  return { code, stdout: io.stdout, stderr: io.stderr };
}

/** Sets environment variables for this test only (the CLI reads process.env, as a shell gives it). */
export function stubEnv(env: Record<string, string | undefined>): void {
  for (const [key, value] of Object.entries(env)) vi.stubEnv(key, value);
  onTestFinished(() => void vi.unstubAllEnvs());
}

/** The entries of `dir` (the demo's temp root): empty once the demo cleaned up. */
export function entries(dir: string): string[] {
  return existsSync(dir) ? readdirSync(dir) : [];
}

/** Processes whose command line mentions `text` (a demo folder): none may outlive the demo. */
export async function processesMentioning(text: string): Promise<string[]> {
  const ps = await execa('ps', ['-eo', 'pid=,args='], { reject: false });
  return String(ps.stdout).split('\n').filter((line) => line.includes(text) && !line.includes('ps -eo'));
}
