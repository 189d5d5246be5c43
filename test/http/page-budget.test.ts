import * as cheerio from 'cheerio';
import { beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/web/app.tsx';
import { closeTestDatabase, openTestDatabase, type TestDatabase } from '../support/databases.ts';
import { DEMO_PAGE_TYPES, demoContext } from '../support/demo-context.ts';

/** What a page may weigh on the wire, its HTML and its style sheet together, compressed. */
const BUDGET_BYTES = 30 * 1024;

/** Every page kind, in both languages, and the pages that carry the most: the longest piece, a series, search. */
const PAGES = [
  ...DEMO_PAGE_TYPES,
  '/reports/',
  '/reports/north-korea-camp-no-25-update-2/',
  '/search?q=camp',
].flatMap((path) => [path, `/ko${path}`]);

describe('the weight of every page', () => {
  let t: TestDatabase;
  let app: ReturnType<typeof createApp>;

  beforeAll(async () => {
    t = await openTestDatabase('sqlite');
    app = createApp(await demoContext(t, undefined, undefined, { extract: true }));
    return () => closeTestDatabase(t);
  }, 120_000);

  async function compressedSize(path: string, encoding: string) {
    const res = await app.request(`http://localhost${path}`, {
      headers: { 'Accept-Encoding': encoding },
    });
    const body = Buffer.from(await res.arrayBuffer());
    return { res, bytes: body.byteLength, body };
  }

  it('serves the style sheet brotli or gzip compressed, as the client accepts', async () => {
    const { body } = await compressedSize('/', 'identity');
    const css = cheerio.load(body.toString())('link[rel="stylesheet"]').attr('href')!;
    const plain = await compressedSize(css, 'identity');
    for (const encoding of ['br', 'gzip']) {
      const packed = await compressedSize(css, `${encoding}, deflate`);
      expect(packed.res.headers.get('content-encoding')).toBe(encoding);
      expect(packed.res.headers.get('vary')).toMatch(/accept-encoding/i);
      expect(packed.bytes).toBeLessThan(plain.bytes / 3);
    }
    expect(plain.res.headers.get('content-encoding')).toBeNull();
  });

  it('keeps every page kind, in both languages, under 30 KB of HTML and CSS compressed', async () => {
    const { body } = await compressedSize('/', 'identity');
    const css = cheerio.load(body.toString())('link[rel="stylesheet"]').attr('href')!;
    const cssBytes = (await compressedSize(css, 'br')).bytes;
    const over: string[] = [];
    const sizes: Record<string, number> = {};
    for (const path of PAGES) {
      const page = await compressedSize(path, 'gzip, deflate, br');
      sizes[path] = page.bytes + cssBytes;
      if (page.bytes + cssBytes > BUDGET_BYTES) over.push(`${path}: ${page.bytes + cssBytes}`);
    }
    expect(over).toEqual([]);
    expect(Object.keys(sizes)).toHaveLength(PAGES.length);
  }, 60_000);
});
