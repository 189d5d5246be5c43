import { afterAll, beforeAll, expect, it } from 'vitest';
import type { WiredContext } from '../../src/context.ts';
import {
  type ImageService3,
  levelZeroPaths,
  type SceneTiles,
  tilesOfInfo,
} from '../../src/core/imagery.ts';
import { createApp } from '../../src/web/app.tsx';
import { describeEachDatabase } from '../support/databases.ts';
import { demoContext, editPublicationAt, FLOOD, publicationAt } from '../support/demo-context.ts';
import { addTestScene, SCENE_SECRET } from '../support/scenes.ts';

describeEachDatabase('satellite scenes as IIIF', (db) => {
  let ctx: WiredContext;
  let app: ReturnType<typeof createApp>;
  let placed: number;
  let unplaced: number;

  beforeAll(async () => {
    ctx = await demoContext(db());
    app = createApp(ctx);
    const flood = await publicationAt(ctx, FLOOD);
    const jongo = await ctx.repos.places.findBySlug('jongo-ri');
    placed = (
      await addTestScene(ctx, flood.id, {
        facts: { sensor: 'Test sensor', illustrative: true, placeIds: jongo ? [jongo.id] : [] },
        annotations: [
          { points: '100,80', label: 'Guard post', labelKo: '경비 초소', note: 'Water reached it' },
          { points: '200,200 300,200 300,300 200,300', label: 'Flooded field' },
        ],
      })
    ).id;
    unplaced = (await addTestScene(ctx, flood.id, { placed: false })).id;
  }, 60_000);
  afterAll(() => ctx.close());

  it('serves a level 0 info.json whose id is the public address and whose every tile exists', async () => {
    const res = await app.request(`/iiif/${placed}/info.json`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('application/ld+json');
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
    const info = (await res.json()) as ImageService3;
    expect(info.id).toBe(`${ctx.config.publicUrl}/iiif/${placed}`);
    expect(info.profile).toBe('level0');
    expect([info.width, info.height]).toEqual([600, 400]);
    // Level 0 answers `full/max` too: the whole image within maxWidth and maxHeight.
    expect(levelZeroPaths(tilesOfInfo(info))).toContain('full/max/0/default.jpg');
    for (const path of levelZeroPaths(tilesOfInfo(info))) {
      const tile = await app.request(`/iiif/${placed}/${path}`);
      expect(tile.status, path).toBe(200);
      expect(tile.headers.get('content-type')).toBe('image/jpeg');
      expect(tile.headers.get('cache-control')).toContain('s-maxage=31536000');
    }
  });

  it('describes the scene in a Presentation 3 manifest with its footprint and annotations', async () => {
    const manifest = (await (await app.request(`/iiif/${placed}/manifest.json`)).json()) as {
      type: string;
      navDate: string;
      navPlace: { features: Array<{ geometry: { type: string } }> };
      items: Array<{ width: number; annotations: Array<{ id: string }> }>;
      summary: { en: string[] };
    };
    expect(manifest.type).toBe('Manifest');
    expect(manifest.navDate).toBe('2020-08-31T00:00:00Z');
    expect(manifest.navPlace.features[0]!.geometry.type).toBe('Polygon');
    expect(manifest.items[0]!.width).toBe(600);
    expect(manifest.items[0]!.annotations[0]!.id).toMatch(/annotations\.json$/);
    expect(manifest.summary.en[0]).toMatch(/not a satellite capture/);
  });

  it('serves the annotations as W3C Web Annotations in both languages', async () => {
    const page = (await (await app.request(`/iiif/${placed}/annotations.json`)).json()) as {
      items: Array<{
        body: Array<{ language: string; value: string }>;
        target: { selector: { type: string } };
      }>;
    };
    expect(page.items).toHaveLength(2);
    expect(page.items[0]!.body.map((b) => b.language)).toEqual(['en', 'ko']);
    expect(page.items[0]!.body[1]!.value).toBe('경비 초소');
    expect(page.items[0]!.target.selector.type).toBe('PointSelector');
    expect(page.items[1]!.target.selector.type).toBe('SvgSelector');
  });

  it('shows the scene page with its still, numbered callouts in words and the illustrative note', async () => {
    const res = await app.request(`/iiif/${placed}/`);
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('not a satellite capture');
    expect(html).toContain('Guard post');
    expect(html).toMatch(/<ol class="scene-annotations"/);
    expect(html).toContain(`/images/${placed}/`);
    const ko = await (await app.request(`/ko/iiif/${placed}/`)).text();
    expect(ko).toContain('경비 초소');
    expect(ko).toContain('실제 위성 촬영 영상이 아닙니다');
  });

  it('offers a public download that keeps the georeferencing and none of the other metadata', async () => {
    const res = await app.request(`/iiif/${placed}/scene.tif`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('image/tiff');
    const bytes = Buffer.from(await res.arrayBuffer());
    expect(bytes.includes(SCENE_SECRET)).toBe(false);
    // GeoKeyDirectory (34735 = 0x87AF) is still there, little-endian.
    expect(bytes.includes(Buffer.from([0xaf, 0x87]))).toBe(true);
  });

  it('answers 404 for every file of a scene no public body shows, and once its piece is withdrawn', async () => {
    for (const path of [
      'info.json',
      'manifest.json',
      'annotations.json',
      'scene.tif',
      '',
      'full/320,240/0/default.jpg',
    ]) {
      expect((await app.request(`/iiif/${unplaced}/${path}`)).status, path).toBe(404);
    }
    const info = (await (await app.request(`/iiif/${placed}/info.json`)).json()) as SceneTiles;
    const tile = levelZeroPaths(info)[0]!;
    await editPublicationAt(ctx, FLOOD, { status: 'draft' });
    for (const path of ['info.json', tile, 'scene.tif', '']) {
      expect((await app.request(`/iiif/${placed}/${path}`)).status, path).toBe(404);
    }
    await editPublicationAt(ctx, FLOOD, { status: 'published' });
    expect((await app.request(`/iiif/${placed}/${tile}`)).status).toBe(200);
  });
});
