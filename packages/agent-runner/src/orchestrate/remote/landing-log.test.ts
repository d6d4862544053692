import { describe, expect, it } from 'vitest';
import { LandingLog } from './landing-log.js';

const files = (id: string, ...expected: string[]) => ({ id, expected_files: expected });
const head = (sha: string) => ({ branch: 'main', sha });

describe('LandingLog: is the head pushed last a good base for a task?', () => {
  it('not before the first push', () => {
    expect(new LandingLog().baseFor(files('t1', 'a.txt'))).toBeUndefined();
  });

  it('yes when nothing landed since, or only tasks it neither depends on nor clashes with', () => {
    const log = new LandingLog();
    log.pushedHead(log.headRead(), head('s0'));
    expect(log.baseFor(files('t1', 'a.txt'))).toEqual(head('s0'));
    log.launching(files('t1', 'a.txt'));
    log.landed('t1');
    expect(log.baseFor(files('t2', 'b.txt'))).toEqual(head('s0'));
    expect(log.baseFor({ ...files('t3', 'c.txt'), depends_on: ['t1'] })).toBeUndefined();
    expect(log.baseFor(files('t4', 'a.txt'))).toBeUndefined();
    expect(log.baseFor({ id: 't5' })).toBeUndefined();
  });

  it('same domain clashes; a landing of a task this run did not launch (adopted) clashes with every task', () => {
    const log = new LandingLog();
    log.pushedHead(log.headRead(), head('s0'));
    log.launching({ id: 'a1', domain: 'api' });
    log.landed('a1');
    expect(log.baseFor({ id: 'a2', domain: 'api' })).toBeUndefined();
    expect(log.baseFor({ id: 'd1', domain: 'docs' })).toEqual(head('s0'));
    log.landed('adopted');
    expect(log.baseFor({ id: 'd1', domain: 'docs' })).toBeUndefined();
  });

  it('a push covers what landed before it read the head, not what landed after', () => {
    const log = new LandingLog();
    log.launching(files('t1', 'a.txt'));
    log.landed('t1');
    const at = log.headRead();
    log.launching(files('t2', 'b.txt'));
    log.landed('t2');
    log.pushedHead(at, head('s1'));
    expect(log.baseFor(files('t3', 'a.txt'))).toEqual(head('s1'));
    expect(log.baseFor(files('t4', 'b.txt'))).toBeUndefined();
  });

  it('an older push that ends late does not replace a newer one', () => {
    const log = new LandingLog();
    const early = log.headRead();
    log.launching(files('t1', 'a.txt'));
    log.landed('t1');
    log.pushedHead(log.headRead(), head('s1'));
    log.pushedHead(early, head('s0'));
    expect(log.baseFor(files('t2', 'a.txt'))).toEqual(head('s1'));
  });
});
