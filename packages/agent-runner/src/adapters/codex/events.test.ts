import { describe, expect, it } from 'vitest';
import { usageSince } from '../agent-events.js';
import { codexEventParser } from './events.js';

const lines = [
  '{"type":"thread.started","thread_id":"0199a-thread"}',
  'Reading additional input from stdin...',
  '{"type":"turn.started"}',
  '{"type":"item.completed","item":{"id":"i1","type":"reasoning","text":"thinking"}}',
  '{"type":"item.completed","item":{"id":"i2","type":"command_execution","command":"ls","exit_code":0}}',
  '{"type":"item.completed","item":{"id":"i3","type":"agent_message","text":"All done."}}',
  '{"type":"item.completed","item":{"id":"i4","type":"brand_new_item_type"}}',
  '{"type":"error","message":"Reconnecting... 1/5"}',
  '{"type":"turn.completed","usage":{"input_tokens":1200,"cached_input_tokens":300,"output_tokens":80,"reasoning_output_tokens":10}}',
];

describe('codexEventParser', () => {
  it('follows thread id, usage, last message, errors and the end of the turn', () => {
    const parser = codexEventParser();
    const at = new Date('2026-11-24T10:00:00Z');
    for (const line of lines) parser.feed(line, at);
    expect(parser.state).toEqual({
      sessionId: '0199a-thread',
      lastMessage: 'All done.',
      lastError: 'Reconnecting... 1/5',
      usage: { input_tokens: 1200, cached_input_tokens: 300, output_tokens: 80, reasoning_output_tokens: 10 },
      turnEnded: true,
      lastEventAt: at,
      events: 8,
    });
  });

  it('records why a turn failed', () => {
    const parser = codexEventParser();
    parser.feed('{"type":"turn.failed","error":{"message":"unexpected status 401 Unauthorized"}}');
    expect(parser.state).toMatchObject({ failure: 'unexpected status 401 Unauthorized', turnEnded: true });
  });

  it('ignores text that is not an event, and does not end the turn early', () => {
    const parser = codexEventParser();
    parser.feed('{ not json');
    parser.feed('[1,2]');
    parser.feed('');
    expect(parser.state).toEqual({ turnEnded: false, events: 0 });
  });
});

describe('usageSince', () => {
  it('subtracts what a resumed thread had before', () => {
    expect(usageSince({ input_tokens: 1500, output_tokens: 100 }, { input_tokens: 1200, output_tokens: 80 })).toEqual({ input_tokens: 300, output_tokens: 20 });
  });
});
