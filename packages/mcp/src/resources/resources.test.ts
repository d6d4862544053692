import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { call, fakeTask, memoryClient, planRepo } from '../../test/mcp-fixture.js';

describe('resources', () => {
  it('serves plan.json, MASTER.md and CONTEXT.md of each PR, and notifies a subscriber when plan.json changes', async () => {
    const fixture = await planRepo([fakeTask('task_001', { status: 'agent_done' })]);
    const client = await memoryClient(fixture.repo);
    const { resources } = await client.listResources();
    expect(resources.map((resource) => resource.uri)).toEqual(expect.arrayContaining(['planwright://pr/pr-1/plan.json', 'planwright://pr/pr-1/MASTER.md']));
    const plan = await client.readResource({ uri: 'planwright://pr/pr-1/plan.json' });
    expect(plan.contents[0]).toMatchObject({ mimeType: 'application/json', text: await readFile(fixture.planFile, 'utf8') });

    const updated = new Promise<string>((resolve) => client.fallbackNotificationHandler = async (notification) => {
      if (notification.method === 'notifications/resources/updated') resolve((notification.params as { uri: string }).uri);
    });
    await client.subscribeResource({ uri: 'planwright://pr/pr-1/plan.json' });
    await call(client, 'mark_verified', { pr: 'pr-1', task: 'task_001' });
    expect(await updated).toBe('planwright://pr/pr-1/plan.json');
    expect((await client.readResource({ uri: 'planwright://pr/pr-1/MASTER.md' })).contents[0]).toHaveProperty('text', expect.stringContaining('mark-verified task_001'));
    await expect(client.readResource({ uri: 'planwright://pr/pr-1/CONTEXT.md' })).rejects.toThrow(/CONTEXT\.md: cannot read \(ENOENT\)/);
    await expect(client.readResource({ uri: 'planwright://pr/..%2F..%2Fetc/plan.json' })).rejects.toThrow(/^MCP error -?\d+: \.plans\/etc\/plan\.json/); // slugged: inside the repo
  });
});
