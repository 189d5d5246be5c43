import { beforeAll, expect, it } from 'vitest';
import type { WiredContext } from '../../src/context.ts';
import { createApp } from '../../src/web/app.tsx';
import { ApiClient, tokenFor } from '../api/api-client.ts';
import { describeEachDatabase } from '../support/databases.ts';
import { demoContext } from '../support/demo-context.ts';
import { unique } from '../support/factories.ts';
import { CAMP_OUTLINE, expectRfc7946, hiddenPlace, outlinePlace } from './places-geojson-rules.ts';

type Json = Record<string, unknown>;
type Doc = {
  paths: Record<string, Record<string, Json>>;
  components: { schemas: Record<string, Json> };
};

const SOURCE = 'Illustrative outline drawn for this test';

describeEachDatabase('places as GeoJSON in the JSON API', (db) => {
  let ctx: WiredContext;
  let api: ApiClient;
  let staff: string;
  let writer: string;

  beforeAll(async () => {
    ctx = await demoContext(db());
    await outlinePlace(ctx, 'kyo-hwa-so-no-12', CAMP_OUTLINE, SOURCE);
    await hiddenPlace(ctx);
    api = await ApiClient.open(createApp(ctx));
    staff = (await tokenFor(ctx, 'editor', ['read-drafts'])).token;
    writer = (await tokenFor(ctx, 'editor', ['write'])).token;
  }, 120_000);

  it('documents both GeoJSON endpoints as application/geo+json, and the outline of a place', () => {
    const doc = api.doc as unknown as Doc;
    for (const path of ['/api/v1/places.geojson', '/api/v1/places/{ref}/map.geojson']) {
      const get = doc.paths[path]!.get!;
      const content = (get.responses as Record<string, Json>)['200']!.content as Json;
      expect(Object.keys(content)).toEqual(['application/geo+json']);
    }
    const place = doc.components.schemas.Place!.properties as Json;
    expect(Object.keys(place)).toEqual(expect.arrayContaining(['footprint', 'footprintSource']));
    const input = doc.components.schemas.PlaceInput!.properties as Json;
    expect(Object.keys(input)).toEqual(expect.arrayContaining(['footprint', 'footprintSource']));
    expect(doc.components.schemas).toHaveProperty('PlaceFeatureCollection');
  });

  it("gives a place's outline, counterclockwise, with its source", async () => {
    const res = await api.request<Json>('GET', '/api/v1/places/kyo-hwa-so-no-12');
    expect(res.status).toBe(200);
    expect(res.body.footprint).toEqual({
      type: 'Polygon',
      coordinates: [[...CAMP_OUTLINE.coordinates[0]!].reverse()],
    });
    expect(res.body.footprintSource).toBe(SOURCE);
  });

  it('serves the public gazetteer, by RFC 7946, without a place the public may not see', async () => {
    const res = await api.request('GET', '/api/v1/places.geojson');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/geo+json');
    const body = await res.raw.json();
    expectRfc7946(body);
    api.expectShape('PlaceFeatureCollection', body);
    const ids = (body.features as Json[]).map((f) => f.id);
    expect(ids).toContain('kyo-hwa-so-no-12#outline');
    expect(ids).not.toContain('unpublished-site#point');
  });

  it("answers 404 for a hidden place's map to the public, and serves it to staff", async () => {
    expect((await api.request('GET', '/api/v1/places/unpublished-site/map.geojson')).status).toBe(
      404,
    );
    const res = await api.request('GET', '/api/v1/places/unpublished-site/map.geojson', {
      token: staff,
    });
    expect(res.status).toBe(200);
    const body = await res.raw.json();
    expectRfc7946(body);
    api.expectShape('PlaceFeatureCollection', body);
    expect((body.features as Json[]).map((f) => f.id)).toEqual([
      'unpublished-site#point',
      'unpublished-site#outline',
    ]);
  });

  it('takes an outline as a Feature, stores it by the right-hand rule, and refuses broken ones', async () => {
    const place = (outline: unknown, footprintSource: string | null = SOURCE) => ({
      slug: unique('walled-site'),
      kind: 'facility',
      footprint: outline,
      footprintSource,
      names: [{ name: 'Walled site', language: 'en', scheme: 'english', preferred: true }],
    });
    const created = await api.request<Json>('POST', '/api/v1/places', {
      token: writer,
      json: place({ type: 'Feature', properties: {}, geometry: CAMP_OUTLINE }),
    });
    expect(created.status).toBe(201);
    expect(created.body.footprint).toEqual({
      type: 'Polygon',
      coordinates: [[...CAMP_OUTLINE.coordinates[0]!].reverse()],
    });
    const crossing = {
      type: 'Polygon',
      coordinates: [
        [
          [179.5, 10],
          [-179.5, 10],
          [-179.5, 11],
          [179.5, 10],
        ],
      ],
    };
    const refused = await api.request<Json>('POST', '/api/v1/places', {
      token: writer,
      json: place(crossing),
    });
    expect(refused.body).toMatchObject({ status: 400, issues: [{ path: 'footprint' }] });
    expect(JSON.stringify(refused.body)).toContain('antimeridian');
    const unsourced = await api.request<Json>('POST', '/api/v1/places', {
      token: writer,
      json: place(CAMP_OUTLINE, null),
    });
    expect(unsourced.body).toMatchObject({
      status: 400,
      issues: [{ path: 'footprintSource', message: 'An outline needs a source' }],
    });
  });
});
