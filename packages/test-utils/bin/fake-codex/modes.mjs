// What each `fake-agent:` mode does once the turn has started. Modes that "never exit" keep a
// grandchild and a timer alive; nothing in them ends the process but a signal.
import { setTimeout as sleep } from 'node:timers/promises';
import { startGrandchild } from './turn.mjs';

const DEFAULT_ERROR = 'unexpected status 401 Unauthorized';
const OTHER_RUN_ID = '20000101-000000-1-0000';
const HUGE_CHUNK = 'x'.repeat(16 * 1024);

function hangForever({ ignoreTerm = false } = {}) {
  // Handlers first: a test may signal as soon as the grandchild shows up in the process group.
  let child;
  if (ignoreTerm) {
    process.on('SIGTERM', () => {});
    process.on('SIGINT', () => {});
  } else {
    // Like codex: SIGINT ends the agent's children and exits 1; SIGTERM (default action) leaves them.
    process.on('SIGINT', () => {
      child?.kill('SIGTERM');
      process.exit(1);
    });
  }
  child = startGrandchild({ ignoreTerm });
  setInterval(() => {}, 60_000);
  return new Promise(() => {});
}

/** Runs `mode` ({ name, args }) in `turn`; resolves with the exit code (never, for the hanging modes). */
export async function runMode(turn, mode, env) {
  const [arg] = mode.args;
  switch (mode.name) {
    case 'complete':
      await turn.complete('completed');
      return 0;
    case 'partial':
    case 'failed':
    case 'blocked':
      await turn.complete(mode.name);
      return 0;
    case 'no-results':
      await turn.complete(null);
      return 0;
    case 'wrong-run-id':
      await turn.complete('completed', { runId: OTHER_RUN_ID });
      return 0;
    case 'fenced-results':
      // As models write JSON when asked for it: in a code fence, with a comment and a trailing comma.
      await turn.complete('completed', { format: 'fenced' });
      return 0;
    case 'results-in-repo':
      // results/<id>.json relative to the working folder, instead of the run folder the brief names.
      await turn.complete('completed', { inWorkdir: true });
      return 0;
    case 'slow': {
      await turn.message(`Working on ${turn.refs.taskId ?? 'the task'} for ${arg} s`);
      const end = Date.now() + Number(arg) * 1000;
      while (Date.now() < end) {
        await sleep(Math.min(1000, end - Date.now()));
        await turn.item({ type: 'reasoning', text: 'still working' });
      }
      await turn.complete('completed');
      return 0;
    }
    case 'exit': {
      await turn.message('Starting work.');
      await turn.fail(env.FAKE_AGENT_ERROR ?? DEFAULT_ERROR);
      return Number(arg);
    }
    case 'usage-limit': {
      // As codex ends a turn the provider refused for the account's limit: the thread is kept (a resume
      // after the reset continues it), the message names the reset, exit 1.
      await turn.message('Starting work.');
      await turn.save();
      await turn.fail(`You've hit your usage limit. Try again in ${arg} seconds.`);
      return 1;
    }
    case 'hang':
    case 'hang-ignore-term':
      await turn.message('Working on it.');
      return hangForever({ ignoreTerm: mode.name === 'hang-ignore-term' });
    case 'results-no-exit':
      // Results and a last message, but no turn.completed: only the results file says the task is done.
      await turn.complete('completed', { endTurn: false });
      return hangForever();
    case 'huge-output': {
      const bytes = Number(arg) * 1024 * 1024;
      for (let sent = 0; sent < bytes; sent += HUGE_CHUNK.length) {
        await turn.emit({
          type: 'item.updated',
          item: { id: 'item_huge', type: 'command_execution', command: 'fake-codex huge-output', aggregated_output: HUGE_CHUNK, exit_code: null, status: 'in_progress' },
        });
      }
      await turn.complete('completed');
      return 0;
    }
    default:
      throw new Error(`fake-codex: mode ${mode.name} is not implemented`);
  }
}
