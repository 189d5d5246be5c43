import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import jsonld from 'jsonld';
import { beforeAll, describe, expect, it } from 'vitest';
import type { WiredContext } from '../../src/context.ts';
import type { createApp } from '../../src/web/app.tsx';
import { describeEachDatabase } from '../support/databases.ts';
import { DIALOGUE, demoApp, editPublicationAt } from '../support/demo-context.ts';
import { sharedValidatorsAvailable, VALIDATORS } from '../support/external.ts';
import { buildPublication } from '../support/factories.ts';
import { getPage } from '../support/html.ts';

const BASE = 'https://archive.example.org';
const SCHEMA = 'http://schema.org/';
const canCheckVocabulary = sharedValidatorsAvailable();
const CAMP = '/reports/north-korea-camp-no-25-update-2/';
const PAGES = [
  '/',
  '/articles/',
  '/reports/',
  DIALOGUE,
  CAMP,
  '/reports/the-parallel-gulag/',
  '/reports/from-cradle-to-grave-the-path-of-north-korean-innocents/',
  '/articles/rfa-interview-roberta-cohen-north-korea-represses-news-of-sanctions/',
  '/articles/a-voice-from-the-north-korean-gulag/',
  '/articles/north-korea-why-human-rights-must-come-first/',
  '/reports/kyo-hwa-so-no-12-flooding-ko/',
  '/about/about/',
  '/people/',
  '/people/roberta-cohen/',
  '/topics/satellite-imagery/',
  '/places/kyo-hwa-so-no-12/',
  '/years/2016/',
  '/ko/',
  `/ko${CAMP}`,
  '/ko/places/jongo-ri/',
];

type Node = Record<string, unknown>;

/** schema.org's vocabulary (release 30.0), from ../shared: every class and property by name. */
function loadVocabulary() {
  const vocab = JSON.parse(readFileSync(join(VALIDATORS, 'schemaorg', 'vocab.jsonld'), 'utf8')) as {
    '@graph': Node[];
  };
  const classes = new Set<string>();
  const properties = new Set<string>();
  for (const term of vocab['@graph']) {
    const id = String(term['@id']).replace(/^schema:/, '');
    const types = ([] as unknown[]).concat(term['@type']);
    if (types.includes('rdf:Property')) properties.add(id);
    if (types.includes('rdfs:Class')) classes.add(id);
  }
  return { classes, properties };
}

/** Expands JSON-LD offline: the only document the loader serves is the local schema.org context. */
async function expand(doc: object): Promise<Node[]> {
  const context = JSON.parse(readFileSync(join(VALIDATORS, 'schemaorg', 'context.jsonld'), 'utf8'));
  const documentLoader = async (url: string) => {
    if (!/^https?:\/\/schema\.org\/?$/.test(url)) throw new Error(`no network: ${url}`);
    return { contextUrl: undefined, documentUrl: url, document: context };
  };
  return (await jsonld.expand(doc as jsonld.JsonLdDocument, { documentLoader })) as Node[];
}

/**
 * Every @type and property of an expanded document, checked against the vocabulary. A key with
 * "-input" or "-output" is the Actions annotation of schema.org (schema.org/docs/actions.html):
 * it stands for the property before the suffix, on an Action.
 */
function unknownTerms(
  nodes: unknown,
  vocab: ReturnType<typeof loadVocabulary>,
  found: string[] = [],
): string[] {
  if (Array.isArray(nodes)) {
    for (const n of nodes) unknownTerms(n, vocab, found);
    return found;
  }
  if (!nodes || typeof nodes !== 'object' || '@value' in nodes) return found;
  for (const [key, value] of Object.entries(nodes as Node)) {
    if (key === '@type') {
      for (const t of [value].flat() as string[])
        if (!t.startsWith(SCHEMA) || !vocab.classes.has(t.slice(SCHEMA.length)))
          found.push(`@type ${t}`);
    } else if (!key.startsWith('@')) {
      const name = key.startsWith(SCHEMA)
        ? key.slice(SCHEMA.length).replace(/-(input|output)$/, '')
        : null;
      if (!name || !vocab.properties.has(name)) found.push(`property ${key}`);
      unknownTerms(value, vocab, found);
    } else if (key === '@graph' || key === '@list') unknownTerms(value, vocab, found);
  }
  return found;
}

describeEachDatabase('meta tags and structured data', (db) => {
  let ctx: WiredContext;
  let app: ReturnType<typeof createApp>;
  const page = (path: string) => getPage(app, path);
  const jsonLdOf = async (path: string) => {
    const { $ } = await page(path);
    return $('script[type="application/ld+json"]')
      .map((_, s) => JSON.parse($(s).text()) as Node)
      .get() as Node[];
  };
  const metas = async (path: string) => {
    const { $ } = await page(path);
    return $('meta[name]')
      .toArray()
      .map((m): [string, string] => [$(m).attr('name')!, $(m).attr('content')!]);
  };
  const named = (tags: Array<[string, string]>, name: string) =>
    tags.filter(([n]) => n === name).map(([, c]) => c);

  beforeAll(async () => {
    ({ ctx, app } = await demoApp(db()));
  }, 120_000);

  it('gives every page one canonical address from PUBLIC_URL, Open Graph and a Twitter card', async () => {
    for (const path of [...PAGES, '/topics/north-korea/?page=2']) {
      const { res, $ } = await page(path);
      expect(res.status, path).toBe(200);
      const canonical = $('link[rel="canonical"]');
      expect(canonical.length, path).toBe(1);
      expect(canonical.attr('href'), path).toBe(`${BASE}${path}`);
      const og = (p: string) => $(`meta[property="${p}"]`).attr('content');
      expect(og('og:url'), path).toBe(`${BASE}${path}`);
      expect(og('og:title'), path).toBeTruthy();
      expect(og('og:site_name'), path).toBe(
        path.startsWith('/ko')
          ? '북한인권위원회 (시연용 아카이브)'
          : 'Committee for Human Rights in North Korea (demo archive)',
      );
      expect(og('og:locale'), path).toBe(path.startsWith('/ko') ? 'ko_KR' : 'en_US');
      expect($('meta[name="twitter:card"]').attr('content'), path).toBe('summary');
    }
    const res = await app.request('http://evil.example/articles/', {
      headers: { Host: 'evil.example' },
    });
    expect(await res.text()).toContain(`<link rel="canonical" href="${BASE}/articles/"/>`);
  });

  it('marks a publication as an article with its dates, authors, section and key words', async () => {
    const { $ } = await page(CAMP);
    const og = (p: string) =>
      $(`meta[property="${p}"]`)
        .map((_, m) => $(m).attr('content'))
        .get();
    expect(og('og:type')).toEqual(['article']);
    expect(og('article:published_time')).toEqual(['2016-11-29T00:00:00.000Z']);
    expect(og('article:author')).toEqual([
      `${BASE}/people/joseph-s-bermudez-jr/`,
      `${BASE}/people/andy-dinville/`,
      `${BASE}/people/mike-eley/`,
    ]);
    expect(og('article:tag')).toEqual([
      'North Korea',
      'Political Prison Camps',
      'Satellite Imagery',
    ]);
    // The archive wrote the summary, and the description says so before it.
    expect(og('og:description')[0]).toMatch(
      /^\[Summary by the archive, not by the author\] This report comes from the joint HRNK/,
    );
    expect((await page('/articles/')).$('meta[property="og:type"]').attr('content')).toBe(
      'website',
    );
  });

  it('carries no executable script: JSON-LD data blocks only, even for a title that tries to end one', async () => {
    const articles = (await ctx.repos.sections.findBySlug('articles'))!;
    await buildPublication(ctx, {
      sectionId: articles.id,
      slug: 'script-title',
      title: '</script><script>alert(1)</script>',
    });
    for (const path of [...PAGES, '/articles/script-title/']) {
      const { res, $ } = await page(path);
      expect(res.headers.get('content-security-policy')).toContain("script-src 'self'");
      expect(res.headers.get('content-security-policy')).not.toContain('unsafe-inline');
      expect($('script').length, path).toBe($('script[type="application/ld+json"]').length);
      expect($('script[src]').length, path).toBe(0);
    }
    const [work] = (await jsonLdOf('/articles/script-title/')).filter(
      (n) => n['@type'] === 'Article',
    );
    expect(work?.name).toBe('</script><script>alert(1)</script>');
  });

  describe('schema.org JSON-LD', () => {
    it('types each publication as it is cited, with authors as Person, publisher and series', async () => {
      const work = async (path: string) =>
        (await jsonLdOf(path)).find((n) => n['@type'] !== 'BreadcrumbList')!;
      expect((await work('/reports/the-parallel-gulag/'))['@type']).toBe('Book');
      expect(
        (await work('/reports/from-cradle-to-grave-the-path-of-north-korean-innocents/'))['@type'],
      ).toBe('Report');
      expect(
        (
          await work(
            '/articles/rfa-interview-roberta-cohen-north-korea-represses-news-of-sanctions/',
          )
        )['@type'],
      ).toBe('NewsArticle');
      expect((await work('/about/about/'))['@type']).toBe('WebPage');
      // Only announced in the Journal of Democracy ("will appear"): not cited as part of it.
      const announced = await work('/articles/a-voice-from-the-north-korean-gulag/');
      expect(announced.isPartOf ?? []).not.toContainEqual(
        expect.objectContaining({ name: 'Journal of Democracy' }),
      );
      const dialogue = await work(DIALOGUE);
      expect(dialogue['@type']).toBe('Article');
      expect(dialogue.author).toEqual([
        {
          '@type': 'Person',
          name: 'Roberta Cohen',
          url: `${BASE}/people/roberta-cohen/`,
          affiliation: {
            '@type': 'Organization',
            name: 'Committee for Human Rights in North Korea',
          },
        },
      ]);
      expect(dialogue.publisher).toEqual({
        '@type': 'Organization',
        name: 'Committee for Human Rights in North Korea',
        url: 'https://www.hrnk.org',
      });
      const camp = await work(CAMP);
      expect(camp['@type']).toBe('Report');
      expect((camp.author as Node[]).map((a) => a.name)).toEqual([
        'Joseph S. Bermudez Jr.',
        'Andy Dinville',
        'Mike Eley',
      ]);
      expect(camp.isPartOf).toEqual([
        { '@type': 'CreativeWorkSeries', name: 'North Korea: Camp No. 25', position: 3 },
      ]);
      expect(camp.datePublished).toBe('2016-11-29');
    });

    it('gives the home page the WebSite with its SearchAction, and listings their BreadcrumbList', async () => {
      const [site] = await jsonLdOf('/');
      expect(site).toEqual(
        expect.objectContaining({
          '@type': 'WebSite',
          url: `${BASE}/`,
          potentialAction: {
            '@type': 'SearchAction',
            target: { '@type': 'EntryPoint', urlTemplate: `${BASE}/search?q={search_term_string}` },
            'query-input': {
              '@type': 'PropertyValueSpecification',
              valueRequired: true,
              valueName: 'search_term_string',
            },
          },
        }),
      );
      const crumbs = (await jsonLdOf('/ko/articles/')).find(
        (n) => n['@type'] === 'BreadcrumbList',
      )!;
      expect(crumbs.itemListElement).toEqual([
        { '@type': 'ListItem', position: 1, name: '홈', item: `${BASE}/ko/` },
        {
          '@type': 'ListItem',
          position: 2,
          name: '이사진·연구원·직원 기고문',
          item: `${BASE}/ko/articles/`,
        },
      ]);
    });

    it.skipIf(!canCheckVocabulary)(
      'expands with jsonld, and every @type and property exists in schema.org 30.0',
      async () => {
        const vocab = loadVocabulary();
        let nodes = 0;
        for (const path of PAGES) {
          for (const doc of await jsonLdOf(path)) {
            const expanded = await expand(doc);
            expect(expanded.length, path).toBeGreaterThan(0);
            expect(unknownTerms(expanded, vocab), path).toEqual([]);
            nodes++;
          }
        }
        expect(nodes).toBeGreaterThan(PAGES.length);
      },
    );

    it.skipIf(!canCheckVocabulary)('would catch a made-up type or property', async () => {
      const vocab = loadVocabulary();
      const expanded = await expand({
        '@context': 'https://schema.org',
        '@type': 'Pamphlet',
        authorName: 'x',
        name: 'ok',
      });
      expect(unknownTerms(expanded, vocab).sort()).toEqual([
        '@type http://schema.org/Pamphlet',
        'property http://schema.org/authorName',
      ]);
    });
  });

  describe('Google Scholar (Highwire) and Dublin Core tags', () => {
    it('lists every author in order as "Family, Given", each followed by the institution, and the PDF in the same folder', async () => {
      const tags = (await metas(CAMP)).filter(([n]) => n.startsWith('citation_'));
      expect(named(tags, 'citation_title')).toEqual(['North Korea Camp No. 25 Update 2']);
      expect(named(tags, 'citation_author')).toEqual([
        'Bermudez Jr., Joseph S.',
        'Dinville, Andy',
        'Eley, Mike',
      ]);
      expect(named(tags, 'citation_publication_date')).toEqual(['2016/11/29']);
      expect(named(tags, 'citation_technical_report_institution')).toEqual([
        'Committee for Human Rights in North Korea',
      ]);
      expect(named(tags, 'citation_keywords')).toEqual([
        'North Korea; Political Prison Camps; Satellite Imagery',
      ]);
      expect(named(tags, 'citation_language')).toEqual(['en']);
      const [pdf] = named(tags, 'citation_pdf_url');
      expect(pdf).toMatch(new RegExp(`^${BASE}${CAMP}[^/]+\\.pdf$`));
      const served = await app.request(pdf!.replace(BASE, 'http://localhost'));
      expect(served.status).toBe(200);
      expect(served.headers.get('content-type')).toBe('application/pdf');

      const dialogue = (await metas(DIALOGUE)).filter(([n]) => n.startsWith('citation_author'));
      expect(dialogue).toEqual([
        ['citation_author', 'Cohen, Roberta'],
        ['citation_author_institution', 'Committee for Human Rights in North Korea'],
      ]);
    });

    it('names no journal for a piece only announced in one, and the PDF on the Korean interface page too', async () => {
      expect(
        named(
          await metas('/articles/a-voice-from-the-north-korean-gulag/'),
          'citation_journal_title',
        ),
      ).toEqual([]);
      const ko = await metas(`/ko${CAMP}`);
      expect(named(ko, 'citation_title')).toEqual(['North Korea Camp No. 25 Update 2']);
      expect(named(ko, 'citation_pdf_url')).toEqual(named(await metas(CAMP), 'citation_pdf_url'));
      expect(named(ko, 'citation_pdf_url')).toHaveLength(1);
      expect(named(await metas('/about/about/'), 'citation_title')).toEqual([]);
    });

    it('gives the DOI and the report number once the piece has them, in Highwire and in Dublin Core', async () => {
      const cradle = '/reports/from-cradle-to-grave-the-path-of-north-korean-innocents/';
      await editPublicationAt(ctx, cradle, {
        doi: '10.5555/cradle.2017',
        reportNumber: 'HRNK-17-04',
      });
      const tags = await metas(cradle);
      expect(named(tags, 'citation_doi')).toEqual(['10.5555/cradle.2017']);
      expect(named(tags, 'citation_technical_report_number')).toEqual(['HRNK-17-04']);
      expect(named(tags, 'DC.identifier')).toEqual([
        `${BASE}${cradle}`,
        'https://doi.org/10.5555/cradle.2017',
      ]);
      expect(named(tags, 'DC.creator')).toEqual(['Collins, Robert', 'Mortwedt Oh, Amanda']);
      expect(named(tags, 'DC.date')).toEqual(['2017-11-13']);
      const { $ } = await page(cradle);
      expect($('link[rel="schema.DC"]').attr('href')).toBe('http://purl.org/dc/elements/1.1/');
      expect($('.cite dd').first().text()).toContain('https://doi.org/10.5555/cradle.2017');
    });
  });
});
