import type { CliIo } from '@planwright/cli-kit';
import { seconds } from './context.js';
import type { FoundCli } from './find-cli.js';
import type { DemoProgress, DemoResult, DemoStep } from './types.js';

const LABEL = 10;
const indent = ' '.repeat(LABEL);
const FROM: Record<FoundCli['source'], string> = { env: 'from $CODEX_BIN/$GEMINI_BIN', path: 'from PATH', planwright: 'installed with planwright' };

/** The lines the demo prints before its first step. */
export function renderStart(io: CliIo, start: { mode: 'scripted' | 'live'; clis: FoundCli[]; dir: string; flow?: 'workflow' | 'planner' }, keep: boolean): void {
  io.out(
    start.flow === 'planner'
      ? 'planwright demo --planner: the real Codex CLI as the planner, driving planwright through its MCP server, against scripted models on 127.0.0.1 (no credentials, no network)'
      : start.mode === 'live'
      ? 'planwright demo: the whole workflow on a sample project, with the real Codex and Gemini CLIs and your own logins'
      : 'planwright demo: the whole workflow on a sample project, with the real Codex and Gemini CLIs against scripted models on 127.0.0.1 (no credentials, no network)',
  );
  for (const cli of start.clis) io.out(`${indent}${cli.name.padEnd(7)}${cli.path} (${FROM[cli.source]})`);
  io.out(`${indent}${'folder'.padEnd(7)}${start.dir} (${keep ? 'kept at the end' : 'removed at the end; --keep keeps it'})`);
}

/** One step: its name, then what it did and where (continuation lines indented); the status table after `status`. */
export function renderStep(io: CliIo, step: DemoStep): void {
  const [first, ...more] = step.summary.split('\n');
  io.out(`${step.step.padEnd(LABEL)}${step.ok ? '' : 'FAILED: '}${first}`);
  for (const line of more) io.out(`${indent}${line}`);
  const table = step.details?.table;
  if (typeof table === 'string') io.out(`\n${table}\n`);
}

/** A task of the run starting or ending. */
export function renderProgress(io: CliIo, progress: DemoProgress): void {
  if (progress.type === 'tool-call') {
    io.out(`${indent}-> ${progress.tool}${progress.ok ? '' : ` (refused: ${progress.error ?? 'failed'})`}`);
    return;
  }
  if (progress.type === 'task-started') {
    io.out(`${indent}${progress.taskId} started (${progress.agent})`);
    return;
  }
  const verified = progress.verified ? ', verified' : progress.verified === false ? ', verify failed' : '';
  const commit = progress.commit ? `, commit ${progress.commit}` : '';
  const reason = progress.reason ? `: ${progress.reason}` : '';
  io.out(`${indent}${progress.taskId} ${progress.status}${verified}${commit}${reason} (${seconds(progress.durationMs)})`);
}

/** The last line: how it ended, and what happened to the folder. */
export function renderEnd(io: CliIo, result: DemoResult): void {
  const failed = result.steps.find((step) => !step.ok);
  const verdict = result.exitCode === 130 ? 'interrupted' : result.ok ? 'every step passed' : `stopped: the ${failed?.step ?? 'demo'} step failed`;
  const folder = result.kept
    ? `kept ${result.dir} (cd ${result.repo} && planwright status --pr ${result.pr} --run-root .plans/${result.pr}/runs)`
    : `removed ${result.dir}${result.ok ? '' : ' (--keep keeps the files to look at)'}`;
  io.out(`${verdict} in ${seconds(result.duration_ms)}; ${folder}`);
  if (result.board_command) io.out(`watch it on the board: ${result.board_command}`);
}
