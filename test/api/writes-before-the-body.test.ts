import { beforeAll, expect, it } from 'vitest';
import type { AppContext } from '../../src/core/app-context.ts';
import { MAX_LISTED_ISSUES } from '../../src/features/api/routes/api-errors.ts';
import { createApp } from '../../src/web/app.tsx';
import { describeEachDatabase } from '../support/databases.ts';
import { buildPublication, buildSection, fixedClock, testContext } from '../support/factories.ts';
import { ApiClient, tokenFor } from './api-client.ts';

/** A request body that notes whether anyone asked for it, and never ends if they do. */
function watchedBody(): { body: ReadableStream<Uint8Array>; wasRead: () => boolean } {
  let read = false;
  const body = new ReadableStream<Uint8Array>(
    {
      pull(controller) {
        read = true;
        controller.enqueue(new TextEncoder().encode('{"title":"'));
        // Never closed: a server that waits for the whole body never answers.
      },
    },
    // Nothing is pulled ahead of a reader.
    { highWaterMark: 0 },
  );
  return { body, wasRead: () => read };
}

describeEachDatabase('the JSON API: who writes, before what they write', (db) => {
  let ctx: AppContext;
  let app: ReturnType<typeof createApp>;
  let api: ApiClient;
  let writes: Array<{ method: string; path: string; type: string }>;

  beforeAll(async () => {
    ctx = await testContext(db(), fixedClock('2026-06-01T12:00:00.000Z'));
    app = createApp(ctx);
    api = await ApiClient.open(app);
    const section = await buildSection(ctx);
    const piece = await buildPublication(ctx, { sectionId: section.id });
    const json = 'application/json';
    writes = [
      { method: 'POST', path: '/api/v1/publications', type: json },
      { method: 'PUT', path: `/api/v1/publications/${piece.id}`, type: json },
      { method: 'POST', path: `/api/v1/publications/${piece.id}/publish`, type: json },
      { method: 'POST', path: `/api/v1/publications/${piece.id}/withdraw`, type: json },
      { method: 'POST', path: '/api/v1/people', type: json },
      { method: 'PUT', path: '/api/v1/topics/1', type: json },
      {
        method: 'POST',
        path: `/api/v1/publications/${piece.id}/files?file_name=a.pdf&role=main-pdf`,
        type: 'application/pdf',
      },
    ];
  }, 60_000);

  it('answers a write without a good token with 401, never reading its body', async () => {
    const callers: Array<[string, Record<string, string>]> = [
      ['anonymous', {}],
      ['unknown token', { Authorization: 'Bearer dsr_not-a-real-token' }],
      ['not a bearer', { Authorization: 'Basic abc' }],
    ];
    for (const write of writes) {
      for (const [who, headers] of callers) {
        const { body, wasRead } = watchedBody();
        const res = await app.request(`http://localhost${write.path}`, {
          method: write.method,
          headers: { ...headers, 'Content-Type': write.type },
          body,
          duplex: 'half',
        } as RequestInit);
        const label = `${who} ${write.method} ${write.path}`;
        expect(res.status, label).toBe(401);
        expect(res.headers.get('WWW-Authenticate'), label).toContain('Bearer');
        expect(wasRead(), label).toBe(false);
        await body.cancel();
      }
    }
  });

  it(`lists the first ${MAX_LISTED_ISSUES} problems of a body and counts the rest`, async () => {
    const { token } = await tokenFor(ctx, 'editor', ['write']);
    const keys = 50_000;
    const body: Record<string, string> = { slug: 'many-keys', name: 'A', sortName: 'A' };
    for (let i = 0; i < keys; i++) body[`k${i}`] = 'x';
    const res = await api.request<{ detail: string; issues: unknown[]; moreIssues: number }>(
      'POST',
      '/api/v1/people',
      { token, json: body },
    );
    expect(res.status).toBe(400);
    expect(res.body.issues).toHaveLength(MAX_LISTED_ISSUES);
    expect(res.body.moreIssues).toBe(keys - MAX_LISTED_ISSUES);
    expect(res.body.detail).toContain(`and ${(keys - 1).toLocaleString('en')} more`);
    expect((await res.raw.clone().text()).length).toBeLessThan(20_000);
  });

  it('still refuses a forbidden key spelled with escapes', async () => {
    const { token } = await tokenFor(ctx, 'editor', ['write']);
    for (const body of ['{"\\u005f_proto__":{"x":1}}', '{"a":[{"construct\\u006fr":1}]}']) {
      const res = await api.request('POST', '/api/v1/people', { token, json: body });
      expect(res.body, body).toMatchObject({ status: 400, type: '/api/v1/problems/forbidden-key' });
    }
  });
});
