// Reads the prompt like codex does (stdin until EOF: an orchestrator that leaves stdin open makes it wait)
// and records the invocation for the tests in $FAKE_CODEX_LOG.
import { appendFileSync, readFileSync } from 'node:fs';

/** Waits this long for stdin's EOF before logging that the caller left stdin open (and goes on waiting). */
const OPEN_STDIN_LOG_MS = 1000;

function processGroupId() {
  try {
    const stat = readFileSync('/proc/self/stat', 'utf8');
    return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[2]);
  } catch {
    return null;
  }
}

function logInvocation(env, prompt, stdinWasClosed) {
  if (!env.FAKE_CODEX_LOG) return;
  const entry = {
    argv: process.argv.slice(2), cwd: process.cwd(), pid: process.pid, pgid: processGroupId(),
    stdin_was_closed: stdinWasClosed, prompt, term: env.TERM ?? null, started_at: new Date().toISOString(),
  };
  appendFileSync(env.FAKE_CODEX_LOG, `${JSON.stringify(entry)}\n`);
}

/**
 * The prompt: the positional argument, or stdin when it is `-` or missing. A positional prompt gets piped
 * stdin appended as a `<stdin>` block, as in codex 0.169.
 */
export async function readPrompt(positional, env) {
  const fromStdin = positional === undefined || positional === '-';
  if (!fromStdin && process.stdin.isTTY) {
    logInvocation(env, positional, false);
    return positional;
  }
  process.stderr.write(fromStdin ? 'Reading prompt from stdin...\n' : 'Reading additional input from stdin...\n');
  let text = '';
  let logged = false;
  const timer = setTimeout(() => {
    logged = true;
    logInvocation(env, fromStdin ? text : positional, false);
  }, OPEN_STDIN_LOG_MS);
  process.stdin.setEncoding('utf8');
  for await (const chunk of process.stdin) text += chunk;
  clearTimeout(timer);
  let prompt = fromStdin ? text : positional;
  if (!fromStdin && text !== '') prompt += `\n\n<stdin>\n${text}</stdin>`;
  if (!logged) logInvocation(env, prompt, true);
  return prompt;
}
