import * as cheerio from 'cheerio';
import { beforeAll, expect, it } from 'vitest';
import type { AppContext } from '../../src/core/app-context.ts';
import type { PublicationInput } from '../../src/core/schemas.ts';
import { createApp } from '../../src/web/app.tsx';
import { type Crawled, crawl, INDEX_PAGES } from '../support/crawl.ts';
import { describeEachDatabase } from '../support/databases.ts';
import { demoContext } from '../support/demo-context.ts';
import {
  buildPerson,
  buildPlace,
  buildPublication,
  buildTopic,
  editPublication,
} from '../support/factories.ts';

/**
 * A draft, an embargoed piece, a scheduled one and a withdrawn one, each carrying a unique word,
 * and the whole public site crawled from every entry point a reader or a machine has: no page,
 * listing count, search result, feed, sitemap or OAI record may carry any of those words. The
 * withdrawn piece, once public, keeps only its tombstone: a 410 at its URL (which may name it)
 * and, where OAI exists, a deleted record.
 */
const SECRETS = {
  draft: 'zorblaxdraft',
  embargoed: 'quimbleembargo',
  scheduled: 'fraxinscheduled',
  withdrawnBody: 'plovixwithdrawnbody',
};

/**
 * What a page reveals about the archive. A search page repeats the reader's own query in its
 * title and form; only its results, counts, facets and suggestions come from the archive.
 */
function revealed(page: Crawled): string {
  // The API's search answers with the query it searched; everything else it says must be clean.
  if (page.path.startsWith('/api/v1/search') && page.type.includes('json')) {
    const { query: _echo, ...rest } = JSON.parse(page.body) as Record<string, unknown>;
    return JSON.stringify(rest);
  }
  if (!page.path.startsWith('/search') || !page.type.includes('html')) return page.body;
  const $ = cheerio.load(page.body);
  return $('.results, .facets, .suggestion, .flash').text();
}

/** What keeps a piece from readers: its status, its embargo or its moment ahead. */
type Hidden = Pick<PublicationInput, 'status' | 'embargoUntil' | 'scheduledAt' | 'publishedAt'>;

describeEachDatabase('nothing unpublished leaks', (db) => {
  let ctx: AppContext;
  let pages: Crawled[];
  let withdrawnPath = '';

  beforeAll(async () => {
    ctx = await demoContext(db());
    const section = (await ctx.repos.sections.findBySlug('reports'))!;
    const topic = await buildTopic(ctx, `Topic ${SECRETS.draft}`, { slug: 'secret-topic' });
    const person = await buildPerson(ctx, `Person ${SECRETS.draft}`, {
      slug: 'secret-person',
      sortName: 'Person',
    });
    const place = await buildPlace(ctx, `Place ${SECRETS.draft}`, { slug: 'secret-place' });
    const base = {
      sectionId: section.id,
      type: 'report' as const,
      contributions: [{ personId: person.id }],
      topicIds: [topic.id],
      placeIds: [place.id],
    };
    const future = new Date(ctx.clock.now().getTime() + 86_400_000).toISOString();
    /** A piece whose title and body carry its secret word, hidden from readers by `state`. */
    const secretPiece = (slug: string, kind: string, secret: string, state: Hidden) =>
      buildPublication(ctx, {
        ...base,
        slug,
        title: `${kind} ${secret}`,
        body: secret,
        publishedAt: '2020-01-01T00:00:00Z',
        ...state,
      });
    await secretPiece('secret-draft', 'Draft', SECRETS.draft, { status: 'draft' });
    await secretPiece('secret-embargo', 'Embargo', SECRETS.embargoed, { embargoUntil: future });
    await secretPiece('secret-scheduled', 'Scheduled', SECRETS.scheduled, {
      status: 'scheduled',
      scheduledAt: future,
      publishedAt: future,
    });
    // The tombstone keeps its citation data (authors included), so the withdrawn piece names none of the secrets.
    const withdrawn = await buildPublication(ctx, {
      sectionId: section.id,
      type: 'report',
      slug: 'once-public',
      title: 'Once public',
      body: SECRETS.withdrawnBody,
      status: 'published',
      publishedAt: '2020-01-01T00:00:00Z',
    });
    await editPublication(ctx, withdrawn.id, {
      status: 'withdrawn',
      withdrawnReason: 'Retracted.',
    });
    withdrawnPath = `/reports/once-public/`;
    const app = createApp(ctx);
    const starts = [
      ...INDEX_PAGES,
      '/sitemap.xml',
      '/robots.txt',
      '/feed.xml',
      '/feed.atom',
      '/feed.json',
      '/oai?verb=ListRecords&metadataPrefix=oai_dc',
      '/oai?verb=ListIdentifiers&metadataPrefix=oai_dc',
    ];
    for (const word of Object.values(SECRETS))
      starts.push(`/search?q=${word}`, `/api/v1/search?q=${word}`);
    starts.push(
      '/people/secret-person/',
      '/topics/secret-topic/',
      '/places/secret-place/',
      '/reports/secret-draft/',
      '/reports/secret-embargo/',
      '/reports/secret-scheduled/',
      withdrawnPath,
    );
    pages = await crawl(app, starts, ctx.config.publicUrl, { limit: 600 });
  }, 180_000);

  it('crawls a meaningful share of the site', () => {
    expect(pages.filter((p) => p.status === 200).length).toBeGreaterThan(40);
  });

  it('shows no word of a draft, an embargoed or a scheduled piece on any public surface', () => {
    for (const page of pages) {
      for (const word of [SECRETS.draft, SECRETS.embargoed, SECRETS.scheduled]) {
        expect(revealed(page).includes(word), `${word} on ${page.path}`).toBe(false);
      }
    }
  });

  it('answers 404 at the URLs of the draft, the embargoed and the scheduled piece', () => {
    for (const path of [
      '/reports/secret-draft/',
      '/reports/secret-embargo/',
      '/reports/secret-scheduled/',
    ]) {
      expect(pages.find((p) => p.path === path)?.status, path).toBe(404);
    }
  });

  it('keeps only a tombstone of the withdrawn piece: 410 at its URL, its text nowhere', () => {
    expect(pages.find((p) => p.path === withdrawnPath)?.status).toBe(410);
    for (const page of pages)
      expect(revealed(page).includes(SECRETS.withdrawnBody), page.path).toBe(false);
    const listing = pages.find((p) => p.path === '/reports/');
    expect(listing?.body).not.toContain('Once public');
  });

  it('counts only public work in listings and indexes', () => {
    const reports = pages.find((p) => p.path === '/')!;
    // The demo has five public reports and publications; none of the four added here is public.
    expect(reports.body).toContain('(5 publications)');
  });
});
