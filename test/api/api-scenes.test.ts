import { afterAll, beforeAll, expect, it } from 'vitest';
import type { WiredContext } from '../../src/context.ts';
import type { PublicationRecord } from '../../src/core/entities.ts';
import { createApp } from '../../src/web/app.tsx';
import { describeEachDatabase } from '../support/databases.ts';
import { demoContext, FLOOD, publicationAt } from '../support/demo-context.ts';
import { buildPublication } from '../support/factories.ts';
import { addTestScene } from '../support/scenes.ts';
import { ApiClient, tokenFor } from './api-client.ts';

type Scene = {
  id: number;
  caption: string | null;
  capturedOn: string | null;
  sensor: string | null;
  credit: string | null;
  illustrative: boolean;
  places: Array<{ slug: string; name: string }>;
  footprint: { type: string; coordinates: number[][][] } | null;
  public: boolean;
  links: Record<string, string | null> | null;
};
type PublicationBody = { scenes: Scene[] };

/**
 * A publication in the API lists its satellite scenes by the API's audience rule: the public
 * (and a token without read-drafts) sees the scenes the public site shows, with the addresses
 * that serve them; a read-drafts token sees every scene, each saying whether it is public.
 * Every answer is checked against the OpenAPI document by the client.
 */
describeEachDatabase('the JSON API: satellite scenes', (db) => {
  let ctx: WiredContext;
  let app: ReturnType<typeof createApp>;
  let api: ApiClient;
  let flood: PublicationRecord;
  let draft: PublicationRecord;
  let placed: number;
  let unplaced: number;
  let ofDraft: number;
  let staff: string;
  let noScope: string;

  const scenesOf = async (id: number, token?: string) => {
    const res = await api.request<PublicationBody>('GET', `/api/v1/publications/${id}`, { token });
    expect(res.status).toBe(200);
    return res.body.scenes;
  };

  beforeAll(async () => {
    ctx = await demoContext(db());
    app = createApp(ctx);
    api = await ApiClient.open(app);
    flood = await publicationAt(ctx, FLOOD);
    const jongo = (await ctx.repos.places.findBySlug('jongo-ri'))!;
    placed = (
      await addTestScene(ctx, flood.id, {
        facts: { sensor: 'Test sensor', illustrative: true, placeIds: [jongo.id] },
        annotations: [{ points: '100,80', label: 'Guard post' }],
      })
    ).id;
    unplaced = (await addTestScene(ctx, flood.id, { placed: false })).id;
    const reports = (await ctx.repos.sections.findBySlug('reports'))!;
    draft = await buildPublication(ctx, {
      sectionId: reports.id,
      status: 'draft',
      publishedAt: null,
    });
    ofDraft = (await addTestScene(ctx, draft.id)).id;
    staff = (await tokenFor(ctx, 'editor', ['read-drafts'])).token;
    noScope = (await tokenFor(ctx, 'editor', [])).token;
  }, 120_000);
  afterAll(() => ctx.close());

  it('lists a public scene with its facts, places, footprint and links', async () => {
    const scene = (await scenesOf(flood.id)).find((s) => s.id === placed)!;
    expect(scene).toMatchObject({
      caption: 'Kyo-hwa-so No. 12 after the flood',
      capturedOn: '2020-08-31',
      sensor: 'Test sensor',
      credit: 'Test imagery',
      illustrative: true,
      public: true,
      places: [{ slug: 'jongo-ri', name: 'Jongo-ri' }],
    });
    expect(scene.footprint?.type).toBe('Polygon');
    expect(scene.links).toEqual({
      page: `/iiif/${placed}/`,
      info: `/iiif/${placed}/info.json`,
      manifest: `/iiif/${placed}/manifest.json`,
      annotations: `/iiif/${placed}/annotations.json`,
      download: `/iiif/${placed}/scene.tif`,
      still: `/images/${placed}/600.jpg`,
    });
  });

  it('gives links the site answers', async () => {
    const scene = (await scenesOf(flood.id)).find((s) => s.id === placed)!;
    for (const path of Object.values(scene.links!)) {
      expect((await app.request(`http://localhost${path}`)).status, path!).toBe(200);
    }
  });

  it('shows the public, and a token without read-drafts, no scene the public may not see', async () => {
    for (const token of [undefined, noScope]) {
      const res = await api.request('GET', `/api/v1/publications/${flood.id}`, { token });
      const ids = (res.body as unknown as PublicationBody).scenes.map((s) => s.id);
      expect(ids).toContain(placed);
      expect(ids).not.toContain(unplaced);
      expect(JSON.stringify(res.body)).not.toContain(`/iiif/${unplaced}/`);
    }
  });

  it('shows a read-drafts token every scene, each saying whether it is public', async () => {
    const scenes = await scenesOf(flood.id, staff);
    const hidden = scenes.find((s) => s.id === unplaced)!;
    expect(hidden).toMatchObject({ public: false, links: null });
    expect(scenes.find((s) => s.id === placed)?.public).toBe(true);
    const drafts = await scenesOf(draft.id, staff);
    expect(drafts.map((s) => [s.id, s.public])).toEqual([[ofDraft, false]]);
    const res = await api.request('GET', `/api/v1/publications/${draft.id}`);
    expect(res.status).toBe(404);
  });

  it('documents the scene in the OpenAPI document', () => {
    const schemas = api.doc.components.schemas as Record<string, { properties: object }>;
    expect(Object.keys(schemas.Scene!.properties)).toEqual(
      expect.arrayContaining(['capturedOn', 'licence', 'illustrative', 'footprint', 'links']),
    );
    expect(Object.keys(schemas.Publication!.properties)).toContain('scenes');
  });
});
