import { readFile, writeFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { readMeta } from '@planwright/run-store';
import { tempDir } from '@planwright/test-utils';
import { describe, expect, it, onTestFinished } from 'vitest';
import { fakeTask, orchestratorFixture } from '../../test/fixture.js';

/** A webhook on 127.0.0.1 that keeps every JSON body it receives. */
async function webhookServer(status = 200): Promise<{ url: string; bodies: Record<string, unknown>[] }> {
  const bodies: Record<string, unknown>[] = [];
  const server = createServer((request, response) => {
    let text = '';
    request.on('data', (chunk: Buffer) => (text += chunk.toString()));
    request.on('end', () => {
      bodies.push({ ...(JSON.parse(text) as Record<string, unknown>), path: request.url });
      response.writeHead(status).end('ok');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  onTestFinished(() => new Promise<void>((resolve) => server.close(() => resolve())));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, bodies };
}

describe('notifications of a run', () => {
  it('a webhook receives exactly the blocked task and the run finished, and meta.json says why the run stopped', async () => {
    const fixture = await orchestratorFixture([fakeTask('task_001'), fakeTask('task_002', 'partial')]);
    const hook = await webhookServer();
    const { result } = await fixture.run({ concurrency: 1, maxTasks: 5, notify: [`${hook.url}/hooks/planwright`] });
    expect(result.exitCode).toBe(1);
    expect(hook.bodies.map((body) => [body.event, body.task_id ?? null, body.path])).toEqual([
      ['task_blocked', 'task_002', '/hooks/planwright'],
      ['run_finished', null, '/hooks/planwright'],
    ]);
    expect(hook.bodies[0]).toMatchObject({ reason: 'agent_reported_partial', pr: 'pr-1', run_dir: result.runDir, text: expect.stringContaining('task_002') });
    expect(hook.bodies[1]).toMatchObject({ reason: 'blocked: task_002: agent_reported_partial' });
    expect(result.stoppedBecause).toEqual({ reason: 'blocked', task_ids: ['task_002'], detail: 'agent_reported_partial' });
    expect((await readMeta(result.runDir!))?.stopped_because).toEqual(result.stoppedBecause);
  });

  it('a task paused on a usage limit is sent with its reset time, then the run finished once it resumed', async () => {
    const fixture = await orchestratorFixture([fakeTask('task_001', 'usage-limit 2')]);
    const hook = await webhookServer();
    const { result } = await fixture.run({ notify: [hook.url] });
    expect(result.exitCode).toBe(0);
    expect(hook.bodies.map((body) => [body.event, body.task_id ?? null])).toEqual([['task_paused', 'task_001'], ['run_finished', null]]);
    expect(hook.bodies[0]).toMatchObject({ until: expect.stringMatching(/^\d{4}-\d\d-\d\dT/), reason: expect.stringContaining('usage limit') });
    expect(hook.bodies[1]).toMatchObject({ reason: 'done' });
  });

  it('an ntfy target gets its JSON publish at the server root, the topic from the path', async () => {
    const fixture = await orchestratorFixture([fakeTask('task_001')]);
    const hook = await webhookServer();
    const { result } = await fixture.run({ notify: [`ntfy:${hook.url}/my-runs`] });
    expect(result.stoppedBecause).toEqual({ reason: 'done' });
    expect(hook.bodies).toEqual([{ topic: 'my-runs', title: 'planwright pr-1: run finished', message: expect.stringContaining('run finished: done'), tags: ['checkered_flag'], path: '/' }]);
  });

  it('a failing command and a webhook answering 500 are logged and warned about, and the run goes on to finish', async () => {
    const fixture = await orchestratorFixture([fakeTask('task_001'), fakeTask('task_002')]);
    const hook = await webhookServer(500);
    const seen = join(await tempDir('planwright-notify-'), 'seen.txt');
    // A notifier that records its arguments, then fails.
    const script = join(await tempDir('planwright-notify-'), 'fail.sh');
    await writeFile(script, `#!/bin/sh\necho "$@" >> ${seen}\necho "no route to the pager" >&2\nexit 3\n`, { mode: 0o755 });
    const { result, events } = await fixture.run({ maxTasks: 5, notify: [`command:${script} {event} {task_id} {pr}`, hook.url] });
    expect(result.exitCode).toBe(0);
    expect(result.outcomes.map((outcome) => outcome.status)).toEqual(['agent_done', 'agent_done']);
    expect(await readFile(seen, 'utf8')).toBe('run_finished  pr-1\n');
    const log = (await readFile(join(result.runDir!, 'notify.log'), 'utf8')).trim().split('\n').map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(log.map((line) => [line.event, line.target, line.ok])).toEqual(expect.arrayContaining([
      ['run_finished', `command ${script}`, false],
      ['run_finished', expect.stringMatching(/^webhook http:\/\/127\.0\.0\.1:\d+$/), false],
    ]));
    expect(log.find((line) => String(line.target).startsWith('command'))?.error).toBe(`${script}: exit 3: no route to the pager`);
    expect(log.find((line) => String(line.target).startsWith('webhook'))?.error).toBe('HTTP 500: ok');
    expect(events.filter((event) => event.type === 'warning').map((event) => (event as { message: string }).message)).toEqual(
      expect.arrayContaining([expect.stringContaining(`notification to command ${script} failed`)]),
    );
  });
});
