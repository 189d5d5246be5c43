import { sql } from 'kysely';
import { beforeAll, expect, it } from 'vitest';
import type { WiredContext } from '../../src/context.ts';
import { createApp } from '../../src/web/app.tsx';
import { describeEachDatabase } from '../support/databases.ts';
import { demoContext } from '../support/demo-context.ts';
import { getPage, text } from '../support/html.ts';

describeEachDatabase('error pages', (db) => {
  let ctx: WiredContext;
  beforeAll(async () => {
    ctx = await demoContext(db());
  }, 120_000);

  it('gives every response an id of its own, to find its lines in the log', async () => {
    const app = createApp(ctx);
    const ids = new Set<string>();
    for (const path of ['/', '/', '/no-such-page/', '/reports/']) {
      const res = await app.request(path);
      ids.add(res.headers.get('x-request-id') ?? '');
    }
    expect(ids.size).toBe(4);
    for (const id of ids) expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-z]+$/);
  });

  it('answers a failure inside a page with a 500 in the site design, naming the request id and nothing else', async () => {
    // A real failure, not a simulated one: the table the publication page reads is gone.
    await sql`drop table place_names`.execute(ctx.db.kysely);
    const errors: unknown[] = [];
    const original = console.error;
    console.error = (...args: unknown[]) => errors.push(args);
    try {
      const { res, $, body } = await getPage(
        createApp(ctx),
        '/reports/north-korea-flooding-at-kyo-hwa-so-no-12-jongo-ri/',
      );
      expect(res.status).toBe(500);
      expect(text($, 'h1')).toBe('Something went wrong');
      const id = res.headers.get('x-request-id')!;
      expect(text($, 'main code')).toBe(id);
      expect(body).not.toMatch(/at .*\.ts:\d+|SqliteError|error:|place_names/i);
      expect(res.headers.get('cache-control')).toBe('no-store');
      expect(errors.length).toBe(1);
    } finally {
      console.error = original;
    }
  });
});
