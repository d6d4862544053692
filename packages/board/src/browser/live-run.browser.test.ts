import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../../test/chromium.js';
import { fakeTask, runFixture } from '../../test/run-fixture.js';
import { repoWithRun } from '../../test/run-folders.js';
import { startBoard } from '../server/server.js';

// One browser for the file: starting chromium is the slow part.
let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(() => browser?.close());

const status = (page: Page, id: string) => page.locator(`g.node[data-id="${id}"]`).getAttribute('data-status');

/** Waits until a task's box shows `want`, recording every status it showed on the way. */
async function waitForStatus(page: Page, id: string, want: string, seen: string[]): Promise<void> {
  for (const deadline = Date.now() + 20_000; Date.now() < deadline; await page.waitForTimeout(25)) {
    const now = await status(page, id);
    if (now && seen.at(-1) !== now) seen.push(now);
    if (now === want) return;
  }
  throw new Error(`${id} never showed ${want}; saw ${seen.join(' -> ')}`);
}

/** The graph and the timeline are drawn: boxes laid out apart, bars with width, and pixels that are not one colour. */
async function expectDrawn(page: Page): Promise<void> {
  const boxes = await Promise.all(['api_1', 'api_2', 'docs_1'].map((id) => page.locator(`g.node[data-id="${id}"] rect`).boundingBox()));
  for (const box of boxes) expect(box!.width * box!.height).toBeGreaterThan(0);
  expect(new Set(boxes.map((box) => `${Math.round(box!.x)},${Math.round(box!.y)}`)).size).toBe(3);
  // api_2 depends on api_1: laid out to its right; docs_1 is in another lane.
  expect(boxes[1]!.x).toBeGreaterThan(boxes[0]!.x);
  expect(boxes[2]!.y).not.toBe(boxes[0]!.y);
  const bars = await page.locator('rect.bar-agent').evaluateAll((rects) => rects.map((rect) => rect.getBoundingClientRect().width));
  for (const width of bars) expect(width).toBeGreaterThan(0);
  for (const selector of ['#graph svg', '#timeline svg']) {
    const png = await page.locator(selector).screenshot();
    expect(await colours(page, png)).toBeGreaterThan(4);
  }
}

/** How many distinct colours a screenshot holds, counted by the browser itself (a blank one has 1). */
function colours(page: Page, png: Buffer): Promise<number> {
  return page.evaluate(async (data) => {
    const image = new Image();
    image.src = `data:image/png;base64,${data}`;
    await image.decode();
    const canvas = Object.assign(document.createElement('canvas'), { width: image.width, height: image.height });
    const context = canvas.getContext('2d')!;
    context.drawImage(image, 0, 0);
    const pixels = context.getImageData(0, 0, image.width, image.height).data;
    const seen = new Set<number>();
    for (let i = 0; i < pixels.length; i += 4) seen.add((pixels[i]! << 16) | (pixels[i + 1]! << 8) | pixels[i + 2]!);
    return seen.size;
  }, png.toString('base64'));
}

describe('the board on a run in progress (chromium)', () => {
  it('moves tasks from pending to in_progress to done without a reload, shows a blocked reason, streams a log', async () => {
    const fixture = await runFixture([
      fakeTask('api_1', { domain: 'api', verify: ['true'] }, 'slow 2'),
      fakeTask('api_2', { domain: 'api', verify: ['true'], depends_on: ['api_1'] }),
      fakeTask('docs_1', { domain: 'docs', status: 'blocked', blocked_reason: 'waiting for the style guide' }),
    ]);
    const board = await startBoard({ repo: fixture.repo, pr: 'pr-1' });
    const page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
    try {
      await page.goto(board.url);
      await page.locator('g.node[data-id="api_1"][data-status="pending"]').waitFor();
      await expect(page.locator('.blocked-list li[data-id="docs_1"]').textContent()).resolves.toContain('waiting for the style guide');
      await expect(page.locator('g.node[data-id="docs_1"] .note').textContent()).resolves.toContain('blocked: waiting for');
      let navigations = 0;
      page.on('framenavigated', () => navigations++);

      const run = fixture.run({ autoVerify: true });
      const seen1 = ['pending'];
      await waitForStatus(page, 'api_1', 'in_progress', seen1);
      // The log of the running task, opened from the graph, grows while the agent works.
      await page.locator('g.node[data-id="api_1"]').click();
      const log = page.locator('pre.log[data-task="api_1"]');
      await page.waitForFunction(() => (document.querySelector('pre.log')?.textContent ?? '').includes('reasoning'));
      const before = (await log.textContent())!.length;
      await page.waitForFunction((length) => (document.querySelector('pre.log')?.textContent ?? '').length > length, before, { timeout: 10_000 });

      const seen2 = ['pending'];
      await waitForStatus(page, 'api_1', 'done', seen1);
      await waitForStatus(page, 'api_2', 'done', seen2);
      expect((await run).exitCode).toBe(0);
      // agent_done may flash between the two (the agent finished, verify not yet).
      expect(seen1.filter((s) => s !== 'agent_done')).toEqual(['pending', 'in_progress', 'done']);
      expect(seen2[0]).toBe('pending');
      expect(seen2.at(-1)).toBe('done');
      expect(navigations).toBe(0);
      // The timeline has a bar for each run task, with the verify apart from the agent.
      await page.locator('rect.bar-verify[data-task="api_2"]').waitFor();
      expect(await page.locator('rect.bar-agent').count()).toBeGreaterThanOrEqual(2);
      await expectDrawn(page);
    } finally {
      await page.close();
      await board.close();
    }
  });

  it('marks retries and timeouts on the timeline, and lists every PR with its runs', async () => {
    const repo = await repoWithRun();
    const board = await startBoard({ repo: repo.repo, pr: 'pr-1' });
    const page = await browser.newPage();
    try {
      await page.goto(board.url);
      await page.locator('rect.bar-agent.timeout[data-task="b"]').waitFor();
      expect(await page.locator('.bar-mark').allTextContents()).toEqual(expect.arrayContaining(['×2', '⏱ timeout']));
      await page.locator('rect.bar-verify[data-task="a"]').waitFor({ state: 'attached' });
      expect(await page.locator('details.pr').evaluateAll((prs) => prs.map((pr) => pr.getAttribute('data-pr')))).toEqual(['pr-1', 'pr-2']);
      expect(await page.locator('details.pr[data-pr="pr-1"] li.run').textContent()).toContain('timeout');
      expect(await page.locator('.latest-run').textContent()).toMatch(/: timeout · heartbeat .*, b waiting for agent/);
      // No run is going: the page stays as drawn, with no request of its own but the one event feed.
      const requests: string[] = [];
      page.on('request', (request) => requests.push(request.url()));
      await page.waitForTimeout(500);
      expect(requests).toEqual([]);
    } finally {
      await page.close();
      await board.close();
    }
  });
});
