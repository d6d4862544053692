import { doctor } from '@planwright/run-store';
import { describe, expect, it } from 'vitest';
import { RUN_NAME, stuckRunOf } from '../../test/stuck-run.js';
import { claudeResumeCommand } from './claude/resume-command.js';
import { doctorAgents } from './doctor-agents.js';

const GEMINI_SESSION = 'e80625ac-0f34-4934-843f-4800d410c7ed';
const CLAUDE_SESSION = '82f34c6a-c21b-473b-8468-0bfc77c7da17';
const CODEX_THREAD = '0199a213-81c0-7800-8aa1-bbab2a035a53';
const codexLog = [
  'Reading additional input from stdin...',
  JSON.stringify({ type: 'thread.started', thread_id: CODEX_THREAD }),
  JSON.stringify({ type: 'turn.started' }),
].join('\n');

async function rerunOf(agent: string, log: Parameters<typeof stuckRunOf>[1], args?: Record<string, unknown>) {
  const { repo, runDir } = await stuckRunOf(agent, log, args);
  const report = await doctor({ repo, pr: 'pr-1', printRerun: true, agents: doctorAgents() });
  const resume = report.rerun?.resume;
  const normalize = (text: string) => text.replaceAll(runDir, '<run>').replaceAll(repo, '<repo>');
  return { report, resume, command: resume && normalize(resume.command), argv: resume?.argv.map(normalize) };
}

describe('doctorAgents: run-store doctor told about agents by the registry', () => {
  it('codex: the thread id from its --json log, resumed with exec ... resume, the prompt on stdin', async () => {
    const { report, command, resume } = await rerunOf('codex', { text: codexLog });
    expect(report).toMatchObject({ thread_id: CODEX_THREAD, thread_id_source: 'log' });
    expect(command).toBe(`codex exec -C <repo> --add-dir <run> --skip-git-repo-check -s workspace-write resume --json ${CODEX_THREAD} -`);
    expect(resume).toMatchObject({ prompt_on_stdin: true });
    expect(resume!.prompt).toContain(`You stopped before finishing task_001. Your brief is ${report.run_dir}/tasks/task_001.md.`);
  });

  it('codex with danger-full-access and never: the bypass flag, as the orchestrator passes it', async () => {
    const { argv } = await rerunOf('codex', { text: codexLog }, { sandbox: 'danger-full-access' });
    expect(argv).toContain('--dangerously-bypass-approvals-and-sandbox');
    expect(argv).not.toContain('-s');
  });

  it('gemini: the session id from its stream-json init event, resumed in the code dir with the prompt as --prompt', async () => {
    const { report, command, resume, argv } = await rerunOf('gemini', { fixture: 'completed.log' });
    expect(report).toMatchObject({ thread_id: GEMINI_SESSION, thread_id_source: 'log' });
    expect(resume).toMatchObject({ cwd: report.rerun!.argv[4], prompt_on_stdin: false });
    expect(argv!.slice(0, -1)).toEqual(['gemini', '--resume', GEMINI_SESSION, '--include-directories', '<run>', '--output-format', 'stream-json', '--approval-mode', 'yolo', '--skip-trust']);
    expect(resume!.argv.at(-1)).toBe(`--prompt=${resume!.prompt}`);
    expect(command).toMatch(/^cd <repo> && gemini --resume /);
  });

  it('claude: the session id from its system/init event, resumed with -p --resume and the prompt after --', async () => {
    const { report, resume, argv } = await rerunOf('claude', { fixture: 'completed.log' }, { sandbox: 'read-only' });
    expect(report).toMatchObject({ thread_id: CLAUDE_SESSION, thread_id_source: 'log' });
    expect(resume).toMatchObject({ prompt_on_stdin: false });
    expect(argv!.slice(0, -1)).toEqual(['claude', '-p', '--output-format', 'stream-json', '--verbose', '--resume', CLAUDE_SESSION, '--permission-mode', 'plan', '--add-dir', '<run>', '--']);
    expect(resume!.argv.at(-1)).toBe(resume!.prompt);
  });

  it('claude as root: the command sets IS_SANDBOX=1, which bypassPermissions needs; the run\'s model is kept', async () => {
    const { command, resume } = await rerunOf('claude', { fixture: 'completed.log' }, { model: 'claude-sonnet-4-5' });
    expect(resume!.argv).toEqual(expect.arrayContaining(['--permission-mode', 'bypassPermissions', '--model', 'claude-sonnet-4-5']));
    if (process.getuid?.() === 0) expect(command).toMatch(/^cd <repo> && IS_SANDBOX=1 claude -p /);
    else expect(command).toMatch(/^cd <repo> && claude -p /);
    expect(claudeResumeCommand({ codeDir: '/c', runDir: '/r', sessionId: 's', prompt: 'p' }, 0).env).toEqual({ IS_SANDBOX: '1' });
    expect(claudeResumeCommand({ codeDir: '/c', runDir: '/r', sessionId: 's', prompt: 'p' }, 1000).env).toBeUndefined();
  });

  it('a custom agent whose output reads as codex events: its session is found, and no resume is offered', async () => {
    const { repo } = await stuckRunOf('wrapper', { text: codexLog });
    const agents = doctorAgents({ agents: { wrapper: { command: ['./wrap.sh'], events: 'codex' } } });
    const report = await doctor({ repo, pr: 'pr-1', printRerun: true, agents });
    expect(report).toMatchObject({ thread_id: CODEX_THREAD, thread_id_source: 'log', rerun: { resume: null } });
    expect(report.run_dir).toMatch(new RegExp(`${RUN_NAME}$`));
  });

  it('an agent the config does not know: doctor still reports, without a session or resume', async () => {
    const { repo } = await stuckRunOf('gone', { text: codexLog });
    const report = await doctor({ repo, pr: 'pr-1', printRerun: true, agents: doctorAgents() });
    expect(report).toMatchObject({ task_id: 'task_001', thread_id: null, rerun: { resume: null } });
  });
});
