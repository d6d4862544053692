import type { AgentFactory, BuiltinAdapter } from '../src/adapters/adapter.js';
import { jsonLinesParser, emptyEventState } from '../src/adapters/agent-events.js';

/**
 * A made-up agent CLI, `tinker`, as a folder of its own would define it (test helper): it announces its
 * session in a `{"type":"session","id":...}` line, resumes with `tinker --continue <id>`, checks as
 * installed at /opt/tinker, and is logged in when TINKER_KEY is set.
 */
export function tinkerAdapter(): BuiltinAdapter {
  const events = () => {
    const state = emptyEventState();
    return jsonLinesParser(
      (event) => {
        if (event.type === 'session' && typeof event.id === 'string') state.sessionId = event.id;
      },
      { state },
    );
  };
  return {
    name: 'tinker',
    launch: async (context) => ({ bin: '/opt/tinker', args: ['--cd', context.codeDir, context.prompt], parser: events() }),
    events,
    resumeCommand: (input) => ({ argv: ['tinker', '--continue', input.sessionId, '--cd', input.codeDir], promptOnStdin: true }),
    npmPackage: 'tinker-cli',
    check: async () => ({ agent: 'tinker', installed: true, bin: '/opt/tinker', version: '1.2.3', flags: { '--continue': true, '--legacy': false } }),
    optionalFlags: ['--legacy'],
    loginState: async (_bin, env) => (env.TINKER_KEY ? { state: 'yes', detail: 'TINKER_KEY set' } : { state: 'no', detail: 'not logged in (set TINKER_KEY)' }),
    maxRetries: true,
  };
}

export const tinkerAgent: AgentFactory = () => tinkerAdapter();
