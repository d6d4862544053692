import { describe, expect, it } from 'vitest';
import { parseQueueUrl, redactUrl } from './connection.js';
import { jobId } from './names.js';

describe('parseQueueUrl', () => {
  it('reads host, port, db, user and password; rediss adds TLS', () => {
    const { options, display } = parseQueueUrl('rediss://ops:p%40ss@redis.internal:6380/3');
    expect(options).toMatchObject({ host: 'redis.internal', port: 6380, db: 3, username: 'ops', password: 'p@ss', maxRetriesPerRequest: null, tls: { servername: 'redis.internal' } });
    expect(display).toBe('rediss://ops@redis.internal:6380/3');
  });

  it('defaults to port 6379, db 0, no TLS; backs off up to 2 s between reconnects', () => {
    const { options } = parseQueueUrl('redis://127.0.0.1');
    expect(options).toMatchObject({ host: '127.0.0.1', port: 6379, db: 0 });
    expect(options.tls).toBeUndefined();
    expect([1, 3, 50].map((times) => options.retryStrategy!(times))).toEqual([200, 800, 2000]);
  });

  it('names the flag it was given in a usage error, without the password', () => {
    expect(() => parseQueueUrl('redis://:pw@h:x', { flag: '--executor' })).toThrow(/^--executor: not a URL: redis:\/\/h:x$/);
    expect(() => parseQueueUrl('redis://:pw@h:1/x', { flag: '--executor' })).toThrow(expect.objectContaining({ exitCode: 2, message: expect.not.stringContaining('pw') }));
  });
});

describe('redactUrl', () => {
  it('drops the password and keeps the user', () => {
    expect(redactUrl('redis://:secret@h:1/2')).toBe('redis://h:1/2');
    expect(redactUrl('redis://me:secret@h')).toBe('redis://me@h');
    expect(redactUrl('redis://h:1')).toBe('redis://h:1');
  });
});

describe('jobId', () => {
  it('is one id per pr, task and run, never with a colon', () => {
    expect(jobId({ pr: 'pr-1', taskId: 't.1', runId: '20261206-235959-42-abcd' })).toBe('pr-1__t.1__20261206-235959-42-abcd');
    expect(jobId({ pr: 'a:b', taskId: 't', runId: 'r' })).not.toContain(':');
  });
});
