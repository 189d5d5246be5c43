import { beforeAll, expect, it } from 'vitest';
import type { WiredContext } from '../../src/context.ts';
import type { createApp } from '../../src/web/app.tsx';
import { describeEachDatabase } from '../support/databases.ts';
import { demoApp } from '../support/demo-context.ts';
import { getPage } from '../support/html.ts';
import { CAMP_OUTLINE, expectRfc7946, hiddenPlace, outlinePlace } from './places-geojson-rules.ts';

type Collection = {
  type: string;
  features: Array<{
    id: string;
    geometry: { type: string; coordinates: unknown };
    properties: Record<string, unknown> & { names: Record<string, string> };
  }>;
};

const OUTLINE_SOURCE = 'Illustrative outline drawn for this test';

describeEachDatabase('places as GeoJSON', (db) => {
  let ctx: WiredContext;
  let app: ReturnType<typeof createApp>;
  const geoJson = async (path: string) => {
    const res = await app.request(`http://localhost${path}`);
    return { res, body: res.status === 200 ? ((await res.json()) as Collection) : null };
  };

  beforeAll(async () => {
    ({ ctx, app } = await demoApp(db()));
    await outlinePlace(ctx, 'kyo-hwa-so-no-12', CAMP_OUTLINE, OUTLINE_SOURCE);
    await hiddenPlace(ctx);
  }, 120_000);

  it("serves a place's point and outline as application/geo+json, by RFC 7946's rules", async () => {
    const { res, body } = await geoJson('/places/kyo-hwa-so-no-12/map.geojson');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/geo+json');
    expectRfc7946(body);
    expect(body!.features.map((f) => [f.id, f.geometry.type])).toEqual([
      ['kyo-hwa-so-no-12#point', 'Point'],
      ['kyo-hwa-so-no-12#outline', 'Polygon'],
    ]);
    const [point, outline] = body!.features;
    expect(point!.geometry.coordinates).toEqual([129.7551, 42.20941]);
    expect(point!.properties.source).toMatch(/Kyo-hwa-so|HRNK/);
    expect(outline!.properties).toMatchObject({ mark: 'outline', source: OUTLINE_SOURCE });
    expect(outline!.properties.names.en).toBe(outline!.properties.name);
    expect(outline!.properties.names.ko).toMatch(/[가-힣]/);
  });

  it('serves a clockwise outline rewound counterclockwise, with the same positions', async () => {
    const { body } = await geoJson('/places/kyo-hwa-so-no-12/map.geojson');
    const ring = (body!.features[1]!.geometry.coordinates as number[][][])[0]!;
    expect(ring).toEqual([...CAMP_OUTLINE.coordinates[0]!].reverse());
  });

  it('serves an empty collection for a public place no source positions', async () => {
    const { res, body } = await geoJson('/places/jongo-ri/map.geojson');
    expect(res.status).toBe(200);
    expect(body).toEqual({ type: 'FeatureCollection', features: [] });
  });

  it('answers 404 for a place the public may not see, and for none at all', async () => {
    expect((await geoJson('/places/unpublished-site/map.geojson')).res.status).toBe(404);
    expect((await geoJson('/places/no-such-place/map.geojson')).res.status).toBe(404);
    expect((await getPage(app, '/places/unpublished-site/')).res.status).toBe(404);
  });

  it('serves the public gazetteer: every public place with a sourced position, nothing hidden', async () => {
    const { res, body } = await geoJson('/places.geojson');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/geo+json');
    expectRfc7946(body);
    const ids = body!.features.map((f) => f.id);
    expect(ids).toEqual(
      expect.arrayContaining([
        'kyo-hwa-so-no-12#point',
        'kyo-hwa-so-no-12#outline',
        'camp-no-25#point',
      ]),
    );
    expect(ids.some((id) => id.startsWith('unpublished-site'))).toBe(false);
    expect(ids.some((id) => id.startsWith('jongo-ri'))).toBe(false);
  });

  it('links the map data from the place page, in the head and for readers', async () => {
    const { $ } = await getPage(app, '/places/kyo-hwa-so-no-12/');
    const alternate = $('link[rel="alternate"][type="application/geo+json"]');
    expect(alternate.attr('href')).toBe('/places/kyo-hwa-so-no-12/map.geojson');
    const link = $('main a[type="application/geo+json"]');
    expect(link.text()).toBe('Download map data (GeoJSON)');
    expect(link.attr('href')).toBe('/places/kyo-hwa-so-no-12/map.geojson');
    const korean = await getPage(app, '/ko/places/kyo-hwa-so-no-12/');
    expect(korean.$('main a[type="application/geo+json"]').attr('href')).toBe(
      '/places/kyo-hwa-so-no-12/map.geojson',
    );
  });

  it('revalidates with an ETag like the pages', async () => {
    const first = await app.request('http://localhost/places.geojson');
    const tag = first.headers.get('etag');
    expect(tag).toBeTruthy();
    expect(first.headers.get('cache-control')).toBe('public, max-age=0, must-revalidate');
    const again = await app.request('http://localhost/places.geojson', {
      headers: { 'If-None-Match': tag! },
    });
    expect(again.status).toBe(304);
  });

  it('offers no map data where no source gives a position', async () => {
    const { $ } = await getPage(app, '/places/jongo-ri/');
    expect($('[type="application/geo+json"]')).toHaveLength(0);
  });
});
