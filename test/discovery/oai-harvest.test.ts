import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { Hono } from 'hono';
import { beforeAll, expect, it } from 'vitest';
import type { WiredContext } from '../../src/context.ts';
import { createApp } from '../../src/web/app.tsx';
import { describeEachDatabase } from '../support/databases.ts';
import { toolAvailable } from '../support/external.ts';
import {
  buildPublication,
  buildSection,
  editPublication,
  fixedClock,
  testContext,
} from '../support/factories.ts';
import { liveServer } from '../support/live-server.ts';
import { expectedHarvest } from './oai-support.ts';

const run = promisify(execFile);
const canHarvest = toolAvailable('oai_pmh', 'libhttp-oai-perl');
const PUBLISHED = 250;

/**
 * A real harvester (HTTP::OAI's oai_pmh, from Debian) against a real loopback server: it follows
 * the resumption tokens by itself, and every public record must reach it exactly once.
 */
describeEachDatabase('harvesting a 250-record archive with oai_pmh', (db) => {
  let ctx: WiredContext;
  const clock = fixedClock('2026-01-01T00:00:00.000Z');
  const tick = (ms: number) => clock.set(new Date(clock.now().getTime() + ms).toISOString());

  beforeAll(async () => {
    if (!canHarvest) return;
    ctx = await testContext(db(), clock);
    const sections = [
      await buildSection(ctx, { slug: 'reports' }),
      await buildSection(ctx, { slug: 'articles' }),
    ];
    for (let i = 0; i < PUBLISHED; i++) {
      await buildPublication(ctx, {
        sectionId: sections[i % 2]!.id,
        slug: `piece-${i}`,
        type: i % 5 === 0 ? 'report' : 'article',
        title: `Piece ${i}: “Quotes” & <angles>`,
        publishedAt: `20${String(10 + (i % 15)).padStart(2, '0')}-03-0${1 + (i % 9)}T00:00:00.000Z`,
      });
      // Three records to a second: equal datestamps fall across page boundaries.
      if (i % 3 === 2) tick(1000);
    }
    // Work that must never reach a harvester, and one tombstone that must, as deleted.
    for (let i = 0; i < 5; i++) {
      await buildPublication(ctx, {
        sectionId: sections[0]!.id,
        slug: `draft-${i}`,
        status: 'draft',
        publishedAt: null,
      });
      await buildPublication(ctx, {
        sectionId: sections[0]!.id,
        slug: `embargoed-${i}`,
        embargoUntil: '2030-01-01T00:00:00.000Z',
      });
      await buildPublication(ctx, {
        sectionId: sections[0]!.id,
        slug: `scheduled-${i}`,
        publishedAt: '2031-01-01T00:00:00.000Z',
      });
    }
    const trashed = await buildPublication(ctx, { sectionId: sections[1]!.id, slug: 'trashed' });
    await ctx.db.kysely
      .updateTable('publications')
      .set({ deletedAt: clock.now().toISOString() })
      .where('id', '=', trashed.id)
      .execute();
    tick(1000);
    const gone = await buildPublication(ctx, {
      sectionId: sections[1]!.id,
      slug: 'withdrawn-later',
    });
    tick(1000);
    await editPublication(ctx, gone.id, { status: 'withdrawn', withdrawnReason: 'Retracted.' });
    tick(60_000);
  }, 300_000);

  it.skipIf(!canHarvest)(
    'delivers every published record exactly once through resumption tokens, and the withdrawn one as deleted',
    async () => {
      const requests: string[] = [];
      const counted = new Hono();
      counted.use('/oai', async (c, next) => {
        requests.push(new URL(c.req.url).search);
        await next();
      });
      counted.route('/', createApp(ctx));
      const server = await liveServer(counted);
      try {
        const { stdout, stderr } = await run('oai_pmh', [`${server.origin}/oai`], {
          env: { ...process.env, PERL_UNICODE: 'SD' },
          maxBuffer: 64 * 1024 * 1024,
          timeout: 120_000,
        });
        expect(stderr.trim()).toBe('');
        const records = stdout
          .split('\f')
          .map((chunk) => chunk.trim())
          .filter(Boolean)
          .map((chunk) => ({
            identifier: /^identifier: (.+)$/m.exec(chunk)?.[1] ?? '',
            deleted: /^status: deleted$/m.test(chunk),
            title: /<dc:title[^>]*>([^<]*)<\/dc:title>/.exec(chunk)?.[1] ?? null,
          }));
        const ids = records.map((r) => Number(r.identifier.split(':').at(-1)));
        const expected = await expectedHarvest(ctx);
        expect(expected.live).toHaveLength(PUBLISHED);
        expect(new Set(ids).size).toBe(ids.length);
        expect(ids.filter((_, i) => !records[i]!.deleted).sort((a, b) => a - b)).toEqual(
          expected.live,
        );
        expect(ids.filter((_, i) => records[i]!.deleted)).toEqual(expected.deleted);
        expect(expected.deleted).toHaveLength(1);
        // The harvester prints the raw XML: the title arrives whole, its markup characters escaped.
        expect(records.find((r) => !r.deleted)?.title).toMatch(
          /^Piece \d+: “Quotes” &amp; &lt;angles&gt;$/,
        );
        // 251 records at 100 a page: the harvester had to follow two resumption tokens.
        expect(requests.filter((q) => q.includes('resumptionToken='))).toHaveLength(2);
      } finally {
        await server.close();
      }
    },
  );
});
