import { describe, expect, it } from 'vitest';
import type { NotifyMessage } from './notify-event.js';
import { describeTarget, parseNotifyTarget } from './notify-target.js';
import { commandArgv } from './send-command.js';
import { webhookRequest } from './send-webhook.js';

const message: NotifyMessage = { event: 'task_blocked', task_id: 'task_002', reason: 'timeout; rm -rf {pr}', pr: 'pr-42', run_dir: '/runs/pr-42/r1', at: '2026-12-06T21:00:00.000Z' };

describe('notification targets', () => {
  it('reads each form of target', () => {
    expect(parseNotifyTarget('desktop')).toEqual({ kind: 'desktop', spec: 'desktop' });
    expect(parseNotifyTarget('command:notify-me {event} --task={task_id}')).toMatchObject({ kind: 'command', words: ['notify-me', '{event}', '--task={task_id}'] });
    expect(parseNotifyTarget('https://hooks.example/T/B/secret')).toMatchObject({ kind: 'webhook', body: 'json' });
    expect(parseNotifyTarget('slack:https://hooks.slack.com/services/T/B/x')).toMatchObject({ kind: 'webhook', body: 'slack' });
    expect(parseNotifyTarget('ntfy:https://ntfy.sh/my-runs')).toMatchObject({ kind: 'webhook', body: 'ntfy' });
  });

  it.each([
    ['email:me@example.com', '"email:me@example.com" is not a notification target'],
    ['command:', 'command: names no program'],
    ['command:say {oops}', 'command: unknown placeholder {oops}'],
    ['ntfy:ftp://ntfy.sh/x', 'is not an http(s) URL'],
    ['slack:not a url', 'is not a URL'],
  ])('refuses %s', (spec, message) => {
    expect(() => parseNotifyTarget(spec)).toThrow(message);
  });

  it('fills a command template word by word, so a reason stays one argument and is not read again', () => {
    const target = parseNotifyTarget('command:notify-me {event} {task_id} {reason} {pr}:{run_dir}');
    if (target.kind !== 'command') throw new Error('not a command');
    expect(commandArgv(target.words, message)).toEqual(['notify-me', 'task_blocked', 'task_002', 'timeout; rm -rf {pr}', 'pr-42:/runs/pr-42/r1']);
  });

  it('posts planwright JSON with Slack text, Slack text alone, or an ntfy publish to the server root', () => {
    const json = webhookRequest(new URL('https://hooks.example/x'), 'json', message);
    expect(json.json).toMatchObject({ text: expect.stringContaining('task_002 task blocked: timeout'), event: 'task_blocked', task_id: 'task_002', pr: 'pr-42', run_dir: '/runs/pr-42/r1' });
    expect(webhookRequest(new URL('https://hooks.slack.com/services/x'), 'slack', message).json).toEqual({ text: json.json.text });
    const ntfy = webhookRequest(new URL('https://ntfy.sh/my-runs'), 'ntfy', message);
    expect(ntfy).toEqual({ url: 'https://ntfy.sh/', json: { topic: 'my-runs', title: 'planwright pr-42: task blocked', message: json.json.text, tags: ['warning'] } });
  });

  it('logs a webhook by its origin alone: the path often holds its secret', () => {
    expect(describeTarget(parseNotifyTarget('slack:https://hooks.slack.com/services/T/B/secret'))).toBe('slack https://hooks.slack.com');
  });
});
