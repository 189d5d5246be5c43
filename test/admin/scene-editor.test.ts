import type { Hono } from 'hono';
import { beforeAll, expect, it } from 'vitest';
import { createJobRunner } from '../../src/cli/job-runners.ts';
import type { WiredContext } from '../../src/context.ts';
import { SCENE_PREPARE_JOB } from '../../src/features/imagery/index.ts';
import type { Browserish } from '../support/admin-session.ts';
import { describeEachDatabase } from '../support/databases.ts';
import { buildPublication } from '../support/factories.ts';
import { fileOf, uploadForm } from '../support/images.ts';
import { SCENE_SECRET, utmScene } from '../support/scenes.ts';
import { formFieldsOf } from '../trust/requests.ts';
import { backOfficeAs, sentBack } from './back-office-support.ts';

describeEachDatabase('satellite scenes in the back office', (t) => {
  let ctx: WiredContext;
  let app: Hono;
  let editor: Browserish;
  let contributor: Browserish;

  beforeAll(async () => {
    ({ ctx, app, editor, contributor } = await backOfficeAs(t(), 'editor', 'contributor'));
  });

  const tiff = () => fileOf(Buffer.from(utmScene()), 'jongo-ri.tif', 'image/tiff');
  const uploadScene = (browser: Browserish, id: number, fields: Record<string, string>) =>
    uploadForm(
      browser,
      `/admin/publications/${id}`,
      `/admin/publications/${id}/scenes`,
      fields,
      tiff(),
    );

  it('uploads a GeoTIFF, reads its footprint, makes its tiles, and publishes it once the body places it', async () => {
    const record = await buildPublication(ctx, { status: 'published', body: 'The flood.' });
    const res = await uploadScene(editor, record.id, {
      alt: 'Fields under water',
      takenOn: '2020-08-31',
      sensor: 'Illustrative',
      illustrative: '1',
    });
    expect(res.status).toBe(303);
    const page = res.headers.get('location')!;
    const imageId = Number(/scenes\/(\d+)$/.exec(page)?.[1]);
    const before = await (await editor.request(page)).text();
    expect(before).toContain('read from the file (EPSG:32652)');
    expect(before).toContain('being made');
    expect(before).toContain('Not public');
    await createJobRunner(ctx, { kinds: [SCENE_PREPARE_JOB] }).drain();
    const still = await editor.request(`${page}/still.jpg`);
    expect(still.status).toBe(200);
    expect(Buffer.from(await still.arrayBuffer()).includes(SCENE_SECRET)).toBe(false);
    expect((await app.request(`/iiif/${imageId}/info.json`)).status).toBe(404);
    const saved = await editor.submit(
      `/admin/publications/${record.id}`,
      `/admin/publications/${record.id}`,
      {
        ...formFieldsOf((await ctx.repos.publications.findById(record.id))!),
        body: `The flood.\n\n![scene](figure:${imageId})\n`,
      },
    );
    expect(saved.status).toBe(303);
    expect((await app.request(`/iiif/${imageId}/info.json`)).status).toBe(200);
    expect(await (await editor.request(page)).text()).toContain(`href="/iiif/${imageId}/"`);
  });

  it('adds, edits and deletes numbered annotations, and says what is wrong with a position', async () => {
    const record = await buildPublication(ctx, { status: 'draft', body: 'x' });
    const page = (await uploadScene(editor, record.id, { alt: 'A scene' })).headers.get(
      'location',
    )!;
    const add = (fields: Record<string, string>) =>
      editor.submit(page, `${page}/annotations`, fields);
    expect((await add({ points: '10,10', label: 'Gate', labelKo: '정문' })).status).toBe(303);
    expect((await add({ points: '20,20 40,20 40,40', label: 'Field' })).status).toBe(303);
    expect(await sentBack(add({ points: '9000,10', label: 'Far' }))).toContain('outside the scene');
    expect(await sentBack(add({ points: '10,10 20,20', label: 'Line' }))).toContain(
      'at least three',
    );
    expect(await sentBack(add({ points: '10,10' }))).toContain('Give a label');
    const imageId = Number(/scenes\/(\d+)$/.exec(page)?.[1]);
    let all = await ctx.repos.scenes.annotationsOf([imageId]);
    expect(all.map((a) => [a.number, a.shape])).toEqual([
      [1, 'point'],
      [2, 'polygon'],
    ]);
    expect((await editor.submit(page, `${page}/annotations/${all[0]!.id}/delete`, {})).status).toBe(
      303,
    );
    all = await ctx.repos.scenes.annotationsOf([imageId]);
    expect(all.map((a) => [a.number, a.label])).toEqual([[1, 'Field']]);
    const edit = await editor.submit(page, `${page}/annotations/${all[0]!.id}`, {
      points: '5,5',
      label: 'Field, now a point',
    });
    expect(edit.status).toBe(303);
    expect((await ctx.repos.scenes.annotationsOf([imageId]))[0]!.shape).toBe('point');
  });

  it('keeps the places a scene shows, and refuses a place that does not exist', async () => {
    const record = await buildPublication(ctx, { status: 'draft', body: 'x' });
    const page = (await uploadScene(editor, record.id, { alt: 'A scene' })).headers.get(
      'location',
    )!;
    const [place] = await ctx.repos.places.list();
    const imageId = Number(/scenes\/(\d+)$/.exec(page)?.[1]);
    if (place) {
      expect((await editor.submit(page, page, { placeIds: [String(place.id)] })).status).toBe(303);
      expect((await ctx.repos.scenes.find(imageId))!.placeIds).toEqual([place.id]);
    }
    expect(await sentBack(editor.submit(page, page, { placeIds: ['999999'] }))).toContain(
      'does not exist',
    );
  });

  it('refuses a TIFF as a figure and a file that is no image as a scene, keeping the editor on the form', async () => {
    const record = await buildPublication(ctx, { status: 'draft', body: 'x' });
    const figure = await uploadForm(
      editor,
      `/admin/publications/${record.id}`,
      `/admin/publications/${record.id}/figures`,
      { alt: 'x' },
      tiff(),
    );
    expect(await sentBack(figure)).toContain('accepted as satellite scenes only');
    const pdf = await uploadForm(
      editor,
      `/admin/publications/${record.id}`,
      `/admin/publications/${record.id}/scenes`,
      { alt: 'x' },
      fileOf(Buffer.from('%PDF-1.4\n%%EOF\n'), 'x.pdf', 'application/pdf'),
    );
    expect(await sentBack(pdf)).toMatch(/GeoTIFF, TIFF, JPEG, PNG or WebP/);
    const jpeg = await uploadScene(editor, record.id, { alt: '' });
    expect(await sentBack(jpeg)).toContain('Alt text is required');
  });

  it('lets no one who may not edit the piece add a scene to it', async () => {
    const record = await buildPublication(ctx, { status: 'published', body: 'x' });
    const res = await uploadScene(contributor, record.id, { alt: 'A scene' });
    expect(res.status).toBe(403);
    expect(await ctx.repos.images.ofPublication(record.id)).toHaveLength(0);
  });
});
