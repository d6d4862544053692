import { describe, expect, it } from 'vitest';
import { request } from '../../test/helpers.js';
import { parseRequest } from './job-data.js';

describe('the task job data', () => {
  it('takes 0 for the timeouts and the stall limit, as `planwright run` sends by default (0 = never)', () => {
    const job = request('t1');
    job.settings = { ...job.settings, timeoutMinutes: 0, stallMinutes: 0, verifyTimeoutMinutes: 0, maxPauseMinutes: 0, handshakeReminders: 0 };
    expect(parseRequest(job).settings.timeoutMinutes).toBe(0);
  });

  it('refuses a negative timeout, naming the field', () => {
    const job = request('t1');
    job.settings = { ...job.settings, timeoutMinutes: -1 };
    expect(() => parseRequest(job)).toThrow(/settings\.timeoutMinutes/);
  });
});
