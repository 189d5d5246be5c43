import { beforeAll, expect, it } from 'vitest';
import type { createApp } from '../../src/web/app.tsx';
import { describeEachDatabase } from '../support/databases.ts';
import { demoApp, FLOOD } from '../support/demo-context.ts';
import { getPage } from '../support/html.ts';

/** Arguments a reader or harvester may send that name nothing: a clear answer, never a 500. */
describeEachDatabase('odd arguments to files, cursors and harvests', (db) => {
  let app: ReturnType<typeof createApp>;
  beforeAll(async () => {
    ({ app } = await demoApp(db()));
  }, 120_000);

  const get = (path: string) => app.request(`http://localhost${path}`);

  it('answers 404 for a file name holding an escaped %, and decodes a file name only once', async () => {
    const pdf = (await getPage(app, FLOOD)).$('.files a.pdf').attr('href')!;
    expect((await get(pdf)).status).toBe(200);
    const folder = pdf.replace(/[^/]+$/, '');
    for (const name of ['%25.pdf', 'a%25zz.pdf', 'a%25E0%25A4%25A.pdf']) {
      expect((await get(`${folder}${name}`)).status).toBe(404);
    }
    // '%252D' is the text '%2D' once decoded, not '-': it names no file.
    const twice = pdf.replace(/-(?=[^/]*$)/, '%252D');
    expect(twice).not.toBe(pdf);
    expect((await get(twice)).status).toBe(404);
  });

  it('refuses an API cursor whose instant is not one the API wrote, NUL included, as a bad cursor', async () => {
    const cursorOf = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
    for (const forged of [
      ['\u0000', 1],
      ['2016-01-01\u0000', 1],
      ['yesterday', 1],
      ['', 0],
    ]) {
      const res = await get(`/api/v1/publications?cursor=${cursorOf(forged)}`);
      expect(res.status).toBe(400);
      expect(await res.json()).toMatchObject({ type: '/api/v1/problems/bad-cursor' });
    }
    const first = (await (await get('/api/v1/publications?limit=2')).json()) as {
      nextCursor: string;
    };
    expect((await get(`/api/v1/publications?cursor=${first.nextCursor}`)).status).toBe(200);
  });

  it('lists every record for an OAI-PMH until at the very end of 9999, by day or by second', async () => {
    const identifiers = async (query: string) => {
      const xml = await (
        await get(`/oai?verb=ListIdentifiers&metadataPrefix=oai_dc${query}`)
      ).text();
      expect(xml).not.toContain('<error');
      return xml.match(/<identifier>[^<]+<\/identifier>/g) ?? [];
    };
    const all = await identifiers('');
    expect(all.length).toBeGreaterThan(0);
    expect(await identifiers('&until=9999-12-31')).toEqual(all);
    expect(await identifiers('&until=9999-12-31T23:59:59Z')).toEqual(all);
    expect(await identifiers('&from=1900-01-01&until=9999-12-31')).toEqual(all);
  });
});
