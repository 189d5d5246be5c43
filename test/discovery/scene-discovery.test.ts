import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseFeed } from '@rowanmanning/feed-parser';
import * as cheerio from 'cheerio';
import jsonld from 'jsonld';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { WiredContext } from '../../src/context.ts';
import type { createApp } from '../../src/web/app.tsx';
import { describeEachDatabase } from '../support/databases.ts';
import { demoApp, FLOOD, publicationAt } from '../support/demo-context.ts';
import { sharedValidatorsAvailable, VALIDATORS } from '../support/external.ts';
import { getPage } from '../support/html.ts';
import { jsonFeedProblems } from '../support/json-feed-rules.ts';
import { addTestScene } from '../support/scenes.ts';

const BASE = 'https://archive.example.org';
const SCHEMA = 'http://schema.org/';
const FLOOD_URL = `${BASE}${FLOOD}`;
type Node = Record<string, unknown>;

/** schema.org's classes and properties by name, from the shared vocabulary. */
function vocabulary() {
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

/** Every @type and property of an expanded document that the vocabulary does not define. */
function unknownTerms(nodes: unknown, vocab: ReturnType<typeof vocabulary>, found: string[] = []) {
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
      const name = key.startsWith(SCHEMA) ? key.slice(SCHEMA.length) : null;
      if (!name || !vocab.properties.has(name)) found.push(`property ${key}`);
      unknownTerms(value, vocab, found);
    }
  }
  return found;
}

async function expand(doc: object): Promise<Node[]> {
  const context = JSON.parse(readFileSync(join(VALIDATORS, 'schemaorg', 'context.jsonld'), 'utf8'));
  const documentLoader = async (url: string) => {
    if (!/^https?:\/\/schema\.org\/?$/.test(url)) throw new Error(`no network: ${url}`);
    return { contextUrl: undefined, documentUrl: url, document: context };
  };
  return (await jsonld.expand(doc as jsonld.JsonLdDocument, { documentLoader })) as Node[];
}

/**
 * A publication's public satellite scenes in feeds (as media: Media RSS, Atom enclosures, JSON
 * Feed attachments, pointing at the still) and in its JSON-LD (ImageObjects), in English and
 * under /ko/ in Korean; a scene the public may not see appears in none of them.
 */
describeEachDatabase('satellite scenes in feeds and JSON-LD', (db) => {
  let ctx: WiredContext;
  let app: ReturnType<typeof createApp>;
  let placed: number;
  let unplaced: number;
  const text = async (path: string) => (await app.request(`http://localhost${path}`)).text();

  beforeAll(async () => {
    ({ ctx, app } = await demoApp(db()));
    const flood = await publicationAt(ctx, FLOOD);
    const jongo = (await ctx.repos.places.findBySlug('jongo-ri'))!;
    placed = (
      await addTestScene(ctx, flood.id, {
        facts: {
          sensor: 'Test sensor',
          illustrative: true,
          licence: 'CC BY 4.0',
          placeIds: [jongo.id],
        },
      })
    ).id;
    unplaced = (await addTestScene(ctx, flood.id, { placed: false })).id;
  }, 120_000);
  afterAll(() => ctx.close());

  it('lists a public scene in RSS as Media RSS content: the still, titled, described and credited', async () => {
    const body = await text('/reports/feed.xml');
    const $ = cheerio.load(body, { xml: true });
    const item = $('item').filter((_, i) => $(i).children('link').text() === FLOOD_URL);
    const content = item
      .find('media\\:content')
      .filter((_, c) => ($(c).attr('url') ?? '').includes(`/images/${placed}/`));
    expect(content.length).toBe(1);
    expect(content.attr('url')).toBe(`${BASE}/images/${placed}/600.jpg`);
    expect(content.attr('medium')).toBe('image');
    expect(content.attr('type')).toBe('image/jpeg');
    expect(Number(content.attr('fileSize'))).toBeGreaterThan(0);
    expect(content.attr('width')).toBe('600');
    expect(content.find('media\\:title').text()).toBe(
      'Kyo-hwa-so No. 12 after the flood (Illustrative, not a capture.)',
    );
    const description = content.find('media\\:description').text();
    expect(description).toContain('It is not a satellite capture.');
    expect(description).toContain('Captured: 2020-08-31');
    expect(description).toContain('Licence: CC BY 4.0');
    expect(description).toContain(`${BASE}/iiif/${placed}/`);
    expect(content.find('media\\:credit').text()).toBe('Test imagery');
    // The RSS enclosure stays the PDF: one an item.
    expect(item.children('enclosure').attr('type')).toBe('application/pdf');
    expect(parseFeed(body).items.length).toBeGreaterThan(0);
  });

  it('lists it as an Atom enclosure link and a JSON Feed attachment', async () => {
    const $ = cheerio.load(await text('/reports/feed.atom'), { xml: true });
    const entry = $('entry').filter((_, e) => $(e).children('id').text() === FLOOD_URL);
    const link = entry.children(`link[rel="enclosure"][href="${BASE}/images/${placed}/600.jpg"]`);
    expect(link.attr('type')).toBe('image/jpeg');
    expect(Number(link.attr('length'))).toBeGreaterThan(0);
    const doc = JSON.parse(await text('/reports/feed.json'));
    expect(jsonFeedProblems(doc)).toEqual([]);
    const item = doc.items.find((i: { id: string }) => i.id === FLOOD_URL);
    expect(item.attachments).toContainEqual(
      expect.objectContaining({
        url: `${BASE}/images/${placed}/600.jpg`,
        mime_type: 'image/jpeg',
        title: 'Kyo-hwa-so No. 12 after the flood (Illustrative, not a capture.)',
      }),
    );
  });

  it('says it in Korean in the feeds under /ko/', async () => {
    const $ = cheerio.load(await text('/ko/reports/feed.xml'), { xml: true });
    const content = $(`media\\:content[url="${BASE}/images/${placed}/600.jpg"]`);
    expect(content.find('media\\:title').text()).toContain('예시 이미지');
    const description = content.find('media\\:description').text();
    expect(description).toContain('실제 위성 촬영 영상이 아닙니다');
    expect(description).toContain('촬영일: 2020년 8월 31일');
    expect(description).toContain('전거리');
  });

  it('lists no scene the public may not see in any feed', async () => {
    for (const path of ['/feed.xml', '/reports/feed.atom', '/feed.json', '/ko/feed.xml']) {
      const body = await text(path);
      expect(body, path).not.toContain(`/images/${unplaced}/`);
      expect(body, path).not.toContain(`/iiif/${unplaced}/`);
    }
  });

  it('gives the publication’s JSON-LD an ImageObject per public scene', async () => {
    const { $ } = await getPage(app, FLOOD);
    const graph = $('script[type="application/ld+json"]')
      .map((_, s) => JSON.parse($(s).text()) as Node)
      .get() as Node[];
    const work = graph.find((n) => n['@id'] === `${FLOOD_URL}#work`)!;
    const images = work.image as Node[];
    const image = images.find((i) => i.url === `${BASE}/iiif/${placed}/`)!;
    expect(image).toMatchObject({
      '@type': 'ImageObject',
      contentUrl: `${BASE}/iiif/${placed}/scene.tif`,
      encodingFormat: 'image/tiff',
      thumbnailUrl: `${BASE}/images/${placed}/600.jpg`,
      width: { '@type': 'QuantitativeValue', value: 600 },
      height: { '@type': 'QuantitativeValue', value: 400 },
      dateCreated: '2020-08-31',
      creditText: 'Test imagery',
      caption: 'Kyo-hwa-so No. 12 after the flood',
      copyrightNotice: 'CC BY 4.0',
      license: { '@type': 'CreativeWork', name: 'CC BY 4.0' },
    });
    expect(image.description).toMatch(/^Illustrative image: .*not a satellite capture/);
    const [where] = image.contentLocation as Node[];
    expect(where).toMatchObject({ '@type': 'Place', name: 'Jongo-ri' });
    const shape = where!.geo as { '@type': string; polygon: string };
    expect(shape['@type']).toBe('GeoShape');
    const numbers = shape.polygon.split(' ').map(Number);
    expect(numbers.length % 2).toBe(0);
    expect(numbers.length).toBeGreaterThanOrEqual(8);
    expect(numbers.slice(0, 2)).toEqual(numbers.slice(-2));
    // Latitude first: the test scene lies near 42.3° N, 127.8° E (UTM zone 52N spans 126–132° E).
    expect(numbers[0]).toBeGreaterThan(41);
    expect(numbers[0]).toBeLessThan(43);
    expect(numbers[1]).toBeGreaterThan(126);
    expect(numbers[1]).toBeLessThan(132);
    expect(work.associatedMedia).toContainEqual({ '@id': `${BASE}/iiif/${placed}/#image` });
    expect(JSON.stringify(graph)).not.toContain(`/iiif/${unplaced}/`);
  });

  it('says it in Korean on the Korean page', async () => {
    const { $ } = await getPage(app, `/ko${FLOOD}`);
    const json = $('script[type="application/ld+json"]')
      .map((_, s) => $(s).text())
      .get()
      .join('');
    expect(json).toContain('실제 위성 촬영 영상이 아닙니다');
    expect(json).toContain('"name":"전거리"');
  });

  it.skipIf(!sharedValidatorsAvailable())(
    'uses only terms of the schema.org vocabulary',
    async () => {
      const { $ } = await getPage(app, FLOOD);
      const vocab = vocabulary();
      for (const s of $('script[type="application/ld+json"]').toArray()) {
        const expanded = await expand(JSON.parse($(s).text()));
        expect(unknownTerms(expanded, vocab)).toEqual([]);
      }
    },
  );
});
