import type { ResumeCommand, ResumeCommandInput } from '@planwright/run-store';

/**
 * `gemini --resume <session> --include-directories <run> -o stream-json --approval-mode yolo --skip-trust
 * [--model M] --prompt=<prompt>` in the code dir: gemini has no `-C`, and resumes only the sessions of the folder it
 * runs in. Read-only runs resume in plan mode.
 */
export function geminiResumeCommand(input: ResumeCommandInput): ResumeCommand {
  const mode = input.sandbox === 'read-only' ? 'plan' : 'yolo';
  return {
    argv: ['gemini', '--resume', input.sessionId, '--include-directories', input.runDir, '--output-format', 'stream-json', '--approval-mode', mode, '--skip-trust', ...(input.model ? ['--model', input.model] : []), `--prompt=${input.prompt}`],
    cwd: input.codeDir,
    promptOnStdin: false,
  };
}
