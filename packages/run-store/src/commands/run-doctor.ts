import { printJson, type CliIo } from '@planwright/cli-kit';
import type { DoctorAgents } from '../doctor/doctor-agents.js';
import { doctor, type DoctorReport } from '../doctor/doctor.js';
import type { DoctorArgs } from './args.js';

/** `doctor`: the kit's report, line by line. Exit 1 when --kill could not end the agent. */
export async function runDoctor(args: DoctorArgs, io: CliIo, agents?: DoctorAgents): Promise<number> {
  const report = await doctor({ ...args, agents });
  if (args.json) printJson(io, report);
  else renderDoctor(report, 20).forEach((line) => io.out(line));
  return report.kill && !report.kill.ok ? 1 : 0;
}

/** The human report, in the order of the kit's task_doctor.py. */
export function renderDoctor(report: DoctorReport, tailLines: number): string[] {
  const lines = [`run_dir: ${report.run_dir}`, `meta.status: ${report.meta.status ?? '-'}`, `meta.updated_at: ${report.meta.updated_at ?? '-'}`];
  for (const problem of report.problems) lines.push(`problem: ${problem}`);
  if (report.task_id) lines.push(`task: ${report.task_id}`);
  if (report.kill) lines.push(`kill: ${report.kill.message}`);
  const { agent, results, log } = report;
  if (agent) {
    const state = !agent.alive ? 'not running' : agent.same_process ? 'running' : 'pid now used by another process';
    const others = agent.group_members.filter((pid) => pid !== agent.pid).length;
    const left = others > 0 ? `; ${others} other process${others > 1 ? 'es' : ''} in its group` : '';
    lines.push(`agent_pid: ${agent.pid} (pgid ${agent.pgid}, ${state}${left})`);
    if (agent.ps) lines.push(`ps: ${agent.ps}`);
  } else if (report.task_id) {
    lines.push('agent_pid: (not found)');
  }
  if (results) {
    const detail = results.state === 'stale' ? `run_id ${results.run_id ?? '(none)'}, not ${report.meta.run_id}` : results.reason;
    const status = results.status ? `, ${results.status}${results.fallback ? ' (fallback)' : ''}` : '';
    lines.push(`results: ${results.path} (${results.state}${status}${detail ? `: ${detail}` : ''})`);
    if (results.summary) lines.push(`summary: ${results.summary}`);
  }
  if (log) {
    lines.push(log.bytes === null ? `log: ${log.path} (missing)` : `log: ${log.path} (${log.bytes} bytes)`);
    if (log.tail) lines.push(`--- log tail (last ${tailLines} lines) ---`, log.tail, '--- /log tail ---');
  }
  if (report.paused) lines.push(`paused until ${report.paused.until ?? 'unknown'} (${report.paused.reason ?? 'usage limit'}): the next orchestrator start resumes its session`);
  if (report.thread_id) lines.push(`thread_id: ${report.thread_id} (from ${report.thread_id_source === 'meta' ? 'meta.json' : 'the agent log'})`);
  if (report.rerun) {
    lines.push('', 'rerun_command:', report.rerun.command);
    const { resume } = report.rerun;
    if (resume?.prompt_on_stdin) lines.push('', 'resume_command (give it the prompt below on stdin):', resume.command, '', 'resume_prompt:', resume.prompt);
    // The prompt is an argument of the command already; shown again as text to read.
    else if (resume) lines.push('', 'resume_command (the prompt below is in it):', resume.command, '', 'resume_prompt:', resume.prompt);
  }
  return lines;
}
