import { printJson, type CliIo } from '@planwright/cli-kit';
import { showRun } from '../runs/show-run.js';
import type { ShowArgs } from './args.js';

/** `show`: the run, then a short block per task. */
export async function runShow(args: ShowArgs, io: CliIo): Promise<number> {
  const run = await showRun(args);
  if (args.json) {
    printJson(io, run);
    return 0;
  }
  io.out(`run_dir: ${run.run_dir}`);
  io.out(`run_id: ${run.run_id ?? '-'}`);
  io.out(`status: ${run.status} (updated ${run.updated_at ?? '-'})${run.stop_requested ? ', stop requested' : ''}`);
  for (const problem of run.problems) io.out(`problem: ${problem}`);
  for (const task of run.tasks) {
    const { results, agent, log } = task;
    io.out(`${task.task_id}${task.status ? ` (${task.status})` : ''}`);
    const status = results.status ? `, ${results.status}` : '';
    const detail = results.reason ?? results.summary;
    io.out(`  results: ${results.state}${status}${results.fallback ? ' (fallback)' : ''}${detail ? `: ${detail}` : ''}`);
    io.out(`  log: ${log.path} (${log.bytes === null ? 'missing' : `${log.bytes} bytes`})`);
    if (agent) io.out(`  agent: pid ${agent.pid}, ${agent.alive ? 'running' : 'not running'}`);
    if (task.thread_id) io.out(`  thread_id: ${task.thread_id}`);
  }
  return 0;
}
