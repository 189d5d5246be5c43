import { beforeAll, expect, it } from 'vitest';
import type { AppContext } from '../../src/core/app-context.ts';
import type { Section } from '../../src/core/entities.ts';
import { createApp } from '../../src/web/app.tsx';
import { describeEachDatabase } from '../support/databases.ts';
import { buildSection, fixedClock, testContext, unique } from '../support/factories.ts';
import { ApiClient, tokenFor } from './api-client.ts';

/** Watches the event loop: how long its longest stretch without a turn lasted. */
function watchLoop(): { stop(): { longestMs: number; totalMs: number } } {
  const start = performance.now();
  let last = start;
  let longest = 0;
  let done = false;
  const spin = () => {
    if (done) return;
    const now = performance.now();
    longest = Math.max(longest, now - last);
    last = now;
    setImmediate(spin);
  };
  setImmediate(spin);
  return {
    stop() {
      done = true;
      const now = performance.now();
      return { longestMs: Math.max(longest, now - last), totalMs: now - start };
    },
  };
}

/**
 * A body of about two million characters of dense markup is long work to render and index. The
 * save does that work off the event loop, so the server keeps answering everyone else meanwhile.
 */
describeEachDatabase('saving a very long body', (db) => {
  let ctx: AppContext;
  let app: ReturnType<typeof createApp>;
  let api: ApiClient;
  let section: Section;
  let token: string;

  beforeAll(async () => {
    ctx = await testContext(db(), fixedClock());
    app = createApp(ctx);
    api = await ApiClient.open(app);
    section = await buildSection(ctx);
    token = (await tokenFor(ctx, 'editor', ['write'])).token;
  }, 60_000);

  it('keeps the event loop turning while the save renders and indexes it, and stores the whole page', async () => {
    const body = '*a* '.repeat(400_000);
    const loop = watchLoop();
    const save = api.request<{ id: number; bodyHtml: string }>('POST', '/api/v1/publications', {
      token,
      json: { sectionId: section.id, slug: unique('long'), type: 'report', title: 'Long', body },
    });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect((await app.request('http://localhost/healthz')).status).toBe(200);
    const res = await save;
    const { longestMs, totalMs } = loop.stop();
    expect(res.status).toBe(201);
    expect(res.body.bodyHtml.startsWith('<p><em>a</em> <em>a</em>')).toBe(true);
    // Rendered in place, the render alone held the loop for most of the save.
    expect(longestMs / totalMs).toBeLessThan(0.25);
  }, 120_000);
});
