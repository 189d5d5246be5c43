import { type Context, Hono } from 'hono';
import { beforeAll, describe, expect, it } from 'vitest';
import type { WiredContext } from '../../src/context.ts';
import { discoveryRoutes } from '../../src/features/discovery/routes/discovery-routes.ts';
import { describeEachDatabase } from '../support/databases.ts';
import { demoApp } from '../support/demo-context.ts';
import { validatorsAvailable, xmllint } from '../support/external.ts';
import { editPublication, type fixedClock, testContext } from '../support/factories.ts';
import { texts } from '../support/html.ts';
import { expectedHarvest, idOf, readOai, UTC_SECOND } from './oai-support.ts';

const canValidate = validatorsAvailable(['xmllint', 'libxml2-utils']);
const HOST = 'oai:archive.example.org';

describeEachDatabase('OAI-PMH 2.0 at /oai', (db) => {
  let ctx: WiredContext;
  let app: Hono;
  const get = async (query: string, init?: RequestInit) =>
    (await app.request(`http://localhost/oai?${query}`, init)).text();
  const oai = async (query: string) => readOai(await get(query));
  const idOfSlug = async (section: string, slug: string) => {
    const s = await ctx.repos.sections.findBySlug(section);
    return (await ctx.repos.publications.findBySlug(s!.id, slug))!;
  };

  beforeAll(async () => {
    ({ ctx, app } = await demoApp(db()));
  }, 120_000);

  describe.skipIf(!canValidate)('validated by xmllint against OAI-PMH.xsd and oai_dc.xsd', () => {
    it('validates the answer to every verb, with and without arguments', async () => {
      const camp = await idOfSlug('reports', 'north-korea-camp-no-25-update-2');
      const queries = [
        'verb=Identify',
        'verb=ListMetadataFormats',
        `verb=ListMetadataFormats&identifier=${HOST}:${camp.id}`,
        'verb=ListSets',
        'verb=ListIdentifiers&metadataPrefix=oai_dc',
        'verb=ListRecords&metadataPrefix=oai_dc',
        'verb=ListRecords&metadataPrefix=oai_dc&set=type:imagery-report&from=2000-01-01&until=2030-12-31',
        `verb=GetRecord&metadataPrefix=oai_dc&identifier=${HOST}:${camp.id}`,
      ];
      for (const q of queries) {
        const xml = await get(q);
        expect(readOai(xml).errors, q).toEqual([]);
        const result = xmllint(xml, 'oai-all.xsd');
        expect(result.valid, `${q}\n${result.output}`).toBe(true);
      }
    });

    it('validates every error answer', async () => {
      const queries: Array<[string, string]> = [
        ['verb=Nonsense', 'badVerb'],
        ['verb=ListRecords', 'badArgument'],
        ['verb=ListRecords&resumptionToken=not-ours', 'badResumptionToken'],
        ['verb=ListRecords&metadataPrefix=marc21', 'cannotDisseminateFormat'],
        [`verb=GetRecord&metadataPrefix=oai_dc&identifier=${HOST}:999999`, 'idDoesNotExist'],
        ['verb=ListIdentifiers&metadataPrefix=oai_dc&from=2099-01-01', 'noRecordsMatch'],
      ];
      for (const [q, code] of queries) {
        const xml = await get(q);
        expect(readOai(xml).errors, q).toEqual([code]);
        const result = xmllint(xml, 'oai-all.xsd');
        expect(result.valid, `${q}\n${result.output}`).toBe(true);
      }
    });
  });

  it('identifies itself with its base URL from PUBLIC_URL, never from the Host header', async () => {
    const res = await app.request('http://evil.example/oai?verb=Identify', {
      headers: { Host: 'evil.example' },
    });
    expect(res.headers.get('content-type')).toBe('text/xml; charset=utf-8');
    const { $ } = readOai(await res.text());
    expect($('baseURL').text()).toBe('https://archive.example.org/oai');
    expect($('request').text()).toBe('https://archive.example.org/oai');
    expect($('protocolVersion').text()).toBe('2.0');
    expect($('deletedRecord').text()).toBe('persistent');
    expect($('granularity').text()).toBe('YYYY-MM-DDThh:mm:ssZ');
    expect($('repositoryName').text()).toBe(
      'Committee for Human Rights in North Korea (demo archive)',
    );
    expect($('earliestDatestamp').text()).toMatch(UTC_SECOND);
  });

  it('lists exactly the public work, never a draft or a page, each once', async () => {
    const { headers, token } = await oai('verb=ListIdentifiers&metadataPrefix=oai_dc');
    expect(token).toBeNull();
    const ids = headers.map((h) => idOf(h.identifier)).sort((a, b) => a - b);
    const expected = await expectedHarvest(ctx);
    expect(ids).toEqual([...expected.live, ...expected.deleted].sort((a, b) => a - b));
    expect(ids).not.toContain((await idOfSlug('reports', 'north-korea-camp-no-25')).id);
    expect(ids).not.toContain((await idOfSlug('about', 'about')).id);
  });

  it('writes the response date and every datestamp in UTC, to the second', async () => {
    const { $, headers } = await oai('verb=ListRecords&metadataPrefix=oai_dc');
    expect($('responseDate').text()).toMatch(UTC_SECOND);
    expect(headers.length).toBeGreaterThan(10);
    for (const h of headers) expect(h.datestamp).toMatch(UTC_SECOND);
  });

  it('gives a record in Dublin Core with every author in order, key words, the page and the language', async () => {
    const camp = await idOfSlug('reports', 'north-korea-camp-no-25-update-2');
    const { $ } = await oai(`verb=GetRecord&metadataPrefix=oai_dc&identifier=${HOST}:${camp.id}`);
    const dc = (name: string) => texts($, `dc\\:${name}`);
    expect(dc('title')).toEqual(['North Korea Camp No. 25 Update 2']);
    expect(dc('creator')).toEqual(['Bermudez, Joseph S., Jr.', 'Dinville, Andy', 'Eley, Mike']);
    expect(dc('subject')).toEqual(['North Korea', 'Political Prison Camps', 'Satellite Imagery']);
    expect(dc('identifier')).toEqual([
      'https://archive.example.org/reports/north-korea-camp-no-25-update-2/',
    ]);
    expect(dc('date')).toEqual(['2016-11-29']);
    expect(dc('language')).toEqual(['en']);
    expect(dc('relation')).toEqual(['North Korea: Camp No. 25, part 3']);
    expect(texts($, 'header setSpec')).toEqual(['section:reports', 'type:imagery-report']);
  });

  it('offers sets by section and by type, and a set request returns only its members', async () => {
    const { $ } = await oai('verb=ListSets');
    const sets = texts($, 'setSpec');
    expect(sets).toEqual(
      expect.arrayContaining([
        'section',
        'section:articles',
        'section:reports',
        'type',
        'type:book',
        'type:report',
      ]),
    );
    expect(sets).not.toContain('type:page');
    const books = await oai('verb=ListIdentifiers&metadataPrefix=oai_dc&set=type:book');
    expect(books.headers.map((h) => idOf(h.identifier))).toEqual([
      (await idOfSlug('reports', 'the-parallel-gulag')).id,
    ]);
    const reports = await oai('verb=ListIdentifiers&metadataPrefix=oai_dc&set=section:reports');
    expect(reports.headers.length).toBe(5);
    for (const h of reports.headers) expect(h.sets).toContain('section:reports');
    const all = await oai('verb=ListIdentifiers&metadataPrefix=oai_dc&set=section');
    expect(all.headers.length).toBe(
      (await oai('verb=ListIdentifiers&metadataPrefix=oai_dc')).headers.length,
    );
    expect(
      (await oai('verb=ListIdentifiers&metadataPrefix=oai_dc&set=section:no-such')).errors,
    ).toEqual(['noRecordsMatch']);
  });

  it('echoes the request as attributes, except after badVerb and badArgument', async () => {
    const ok = await oai('verb=ListIdentifiers&metadataPrefix=oai_dc&set=type:book');
    expect(ok.$('request').attr()).toEqual({
      verb: 'ListIdentifiers',
      metadataPrefix: 'oai_dc',
      set: 'type:book',
    });
    const unknown = await oai(
      'verb=GetRecord&metadataPrefix=oai_dc&identifier=oai:elsewhere.org:1',
    );
    expect(unknown.errors).toEqual(['idDoesNotExist']);
    expect(unknown.$('request').attr('identifier')).toBe('oai:elsewhere.org:1');
    for (const q of [
      'verb=Bogus',
      'verb=Identify&extra=1',
      'verb=ListRecords&metadataPrefix=oai_dc&until=soon',
    ]) {
      const bad = await oai(q);
      expect(bad.errors.length, q).toBe(1);
      expect(bad.$('request').attr(), q).toEqual({});
    }
    const both = await oai(`verb=GetRecord&metadataPrefix=marc21&identifier=${HOST}:999999`);
    expect(both.errors.sort()).toEqual(['cannotDisseminateFormat', 'idDoesNotExist']);
    expect((await oai(`verb=ListMetadataFormats&identifier=${HOST}:999999`)).errors).toEqual([
      'idDoesNotExist',
    ]);
  });

  it('answers a POST with a form body exactly as the same GET', async () => {
    const query = 'verb=ListRecords&metadataPrefix=oai_dc&set=section:reports';
    const post = await app.request('http://localhost/oai', {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: query,
    });
    expect(post.status).toBe(200);
    expect(await post.text()).toBe(await get(query));
    const badPost = await app.request('http://localhost/oai', {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: 'verb=Identify&verb=Identify',
    });
    expect(readOai(await badPost.text()).errors).toEqual(['badVerb']);
  });

  it('pages with resumption tokens, cursor and completeListSize, and a token still works after a restart', async () => {
    const missing = async (c: Context) => c.text('missing', 404);
    const small = new Hono().route('/', discoveryRoutes(ctx, missing, { oaiPageSize: 4 }));
    const expected = await expectedHarvest(ctx);
    const total = expected.live.length + expected.deleted.length;
    let page = readOai(
      await (
        await small.request('http://localhost/oai?verb=ListIdentifiers&metadataPrefix=oai_dc')
      ).text(),
    );
    const seen: number[] = page.headers.map((h) => idOf(h.identifier));
    const cursors = [page.token!.cursor];
    expect(page.token?.completeListSize).toBe(total);
    // A "restart": a new context and a new application over the same database, nothing shared in memory.
    const restarted = await testContext(db(), ctx.clock);
    let server = new Hono().route('/', discoveryRoutes(restarted, missing, { oaiPageSize: 4 }));
    // Bounded: a token that failed to move on would end the test rather than hang it.
    for (let pages = 1; page.token?.value && pages <= total; pages++) {
      const res = await server.request(
        `http://localhost/oai?verb=ListIdentifiers&resumptionToken=${encodeURIComponent(page.token.value)}`,
      );
      page = readOai(await res.text());
      expect(page.errors).toEqual([]);
      expect(page.token?.completeListSize).toBe(total);
      cursors.push(page.token!.cursor);
      seen.push(...page.headers.map((h) => idOf(h.identifier)));
      server = small; // the rest of the list goes back to the first instance: any instance will do
    }
    expect(page.token?.value).toBe('');
    expect(cursors).toEqual(Array.from({ length: Math.ceil(total / 4) }, (_, i) => i * 4));
    expect(seen.sort((a, b) => a - b)).toEqual(
      [...expected.live, ...expected.deleted].sort((a, b) => a - b),
    );
    // A token belongs to its verb.
    const first = readOai(
      await (
        await small.request('http://localhost/oai?verb=ListRecords&metadataPrefix=oai_dc')
      ).text(),
    );
    const wrongVerb = await small.request(
      `http://localhost/oai?verb=ListIdentifiers&resumptionToken=${first.token!.value}`,
    );
    expect(readOai(await wrongVerb.text()).errors).toEqual(['badResumptionToken']);
  });

  it('selects by datestamp with from and until, at day and at second granularity', async () => {
    const clock = ctx.clock as ReturnType<typeof fixedClock>;
    const piece = await idOfSlug('articles', 'empty-marching-in-korea');
    clock.set('2026-06-02T08:30:00.250Z');
    await editPublication(ctx, piece.id, { summary: `${piece.summary} (Corrected.)` });
    const ids = async (q: string) => {
      const r = await oai(`verb=ListIdentifiers&metadataPrefix=oai_dc&${q}`);
      return r.errors.length ? r.errors : r.headers.map((h) => idOf(h.identifier));
    };
    expect(await ids('from=2026-06-02')).toEqual([piece.id]);
    expect(await ids('from=2026-06-02T08:30:00Z&until=2026-06-02T08:30:00Z')).toEqual([piece.id]);
    expect(await ids('from=2026-06-02T08:30:01Z')).toEqual(['noRecordsMatch']);
    expect(await ids('until=2026-06-01')).not.toContain(piece.id);
    expect((await ids('until=2026-06-01')).length).toBeGreaterThan(10);
    const [header] = (
      await oai(`verb=GetRecord&metadataPrefix=oai_dc&identifier=${HOST}:${piece.id}`)
    ).headers;
    expect(header?.datestamp).toBe('2026-06-02T08:30:00Z');
  });

  it('keeps withdrawn work as a deleted record, without metadata; a never-public draft stays unknown', async () => {
    const piece = await idOfSlug('articles', 'north-korea-faces-heightened-human-rights-scrutiny');
    await editPublication(ctx, piece.id, { status: 'withdrawn', withdrawnReason: 'Superseded.' });
    const got = await oai(`verb=GetRecord&metadataPrefix=oai_dc&identifier=${HOST}:${piece.id}`);
    expect(got.headers).toEqual([
      expect.objectContaining({ identifier: `${HOST}:${piece.id}`, deleted: true }),
    ]);
    expect(got.$('metadata').length).toBe(0);
    const list = await oai('verb=ListRecords&metadataPrefix=oai_dc');
    expect(list.headers.filter((h) => h.deleted).map((h) => idOf(h.identifier))).toEqual([
      piece.id,
    ]);
    if (canValidate) expect(xmllint(list.xml, 'oai-all.xsd').valid).toBe(true);

    const draft = await idOfSlug('reports', 'north-korea-camp-no-25');
    // A piece the public never saw cannot be withdrawn at all: a notice would reveal it.
    await expect(editPublication(ctx, draft.id, { status: 'withdrawn' })).rejects.toThrow(
      /never public/,
    );
    expect(
      (await oai(`verb=GetRecord&metadataPrefix=oai_dc&identifier=${HOST}:${draft.id}`)).errors,
    ).toEqual(['idDoesNotExist']);
  });

  it('holds back embargoed work until the embargo ends, then dates it by the end of the embargo', async () => {
    const clock = ctx.clock as ReturnType<typeof fixedClock>;
    const piece = await idOfSlug('articles', 'untitled-2014-07-02');
    await editPublication(ctx, piece.id, { embargoUntil: '2026-07-01T00:00:00.000Z' });
    expect(
      (await oai(`verb=GetRecord&metadataPrefix=oai_dc&identifier=${HOST}:${piece.id}`)).errors,
    ).toEqual(['idDoesNotExist']);
    clock.set('2026-07-02T00:00:00.000Z');
    const [header] = (
      await oai(`verb=GetRecord&metadataPrefix=oai_dc&identifier=${HOST}:${piece.id}`)
    ).headers;
    expect(header?.datestamp).toBe('2026-07-01T00:00:00Z');
    expect(
      (await oai('verb=ListIdentifiers&metadataPrefix=oai_dc&from=2026-07-01')).headers.map((h) =>
        idOf(h.identifier),
      ),
    ).toEqual([piece.id]);
  });
});
