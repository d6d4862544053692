import { describe, expect, it } from 'vitest';
import { emptyEventState } from '../adapters/agent-events.js';
import { decideOutcome } from './decide-outcome.js';

const exit0 = { code: 0, signal: null };
const options = { timeoutMinutes: 5, handshake: 'results-json' };
const results = (status: string) => ({ task_id: 't', run_id: 'r', status }) as never;

describe('decideOutcome', () => {
  it('completed results -> agent_done', () => {
    expect(decideOutcome({ ending: 'results', exit: exit0, results: results('completed'), doneMarker: false }, emptyEventState(), options)).toEqual({ status: 'agent_done', resultStatus: 'completed' });
  });

  it.each(['partial', 'failed', 'blocked', 'timeout'])('%s results -> blocked', (status) => {
    expect(decideOutcome({ ending: 'exit', exit: exit0, results: results(status), doneMarker: false }, emptyEventState(), options)).toMatchObject({ status: 'blocked', blockedReason: `agent_reported_${status}` });
  });

  it('a timeout leaves fallback partial results and blocks with reason timeout', () => {
    expect(decideOutcome({ ending: 'timeout', exit: { code: null, signal: 'SIGTERM' }, doneMarker: false }, emptyEventState(), options)).toEqual({
      status: 'blocked',
      resultStatus: 'partial',
      blockedReason: 'timeout',
      fallback: { status: 'partial', note: 'Agent timed out after 5 min; its process group was ended.' },
    });
  });

  it("an agent that fails without results: blocked, with the agent's own message", () => {
    const events = { ...emptyEventState(), failure: 'unexpected status 401 Unauthorized' };
    expect(decideOutcome({ ending: 'exit', exit: { code: 1, signal: null }, doneMarker: false }, events, options)).toMatchObject({
      status: 'blocked',
      blockedReason: 'agent_failed: unexpected status 401 Unauthorized',
      fallback: { status: 'partial', note: 'Agent exited with code 1 before writing valid results: unexpected status 401 Unauthorized' },
    });
  });

  it('an agent that exits 0 without results is blocked too', () => {
    expect(decideOutcome({ ending: 'exit', exit: exit0, doneMarker: false }, emptyEventState(), options)).toMatchObject({ status: 'blocked', blockedReason: 'no_results' });
  });

  it('done-file handshake: the marker alone means done', () => {
    expect(decideOutcome({ ending: 'exit', exit: exit0, doneMarker: true }, emptyEventState(), { ...options, handshake: 'done-file' })).toEqual({ status: 'agent_done', resultStatus: 'completed' });
  });
});
