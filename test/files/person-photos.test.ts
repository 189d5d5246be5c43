import * as cheerio from 'cheerio';
import type { Hono } from 'hono';
import { beforeAll, expect, it } from 'vitest';
import { createJobRunner } from '../../src/cli/job-runners.ts';
import type { WiredContext } from '../../src/context.ts';
import type { PublicationStatus } from '../../src/core/publication-status.ts';
import { backOfficeAs } from '../admin/back-office-support.ts';
import type { Browserish } from '../support/admin-session.ts';
import { describeEachDatabase } from '../support/databases.ts';
import { buildPerson, buildPublication, editPublication } from '../support/factories.ts';
import { getPage } from '../support/html.ts';
import {
  fileOf,
  geotaggedJpeg,
  hostileFiles,
  metadataLeft,
  NO_METADATA,
  uploadForm,
} from '../support/images.ts';

describeEachDatabase("people's photos", (t) => {
  let ctx: WiredContext;
  let app: Hono;
  let editor: Browserish;
  let contributor: Browserish;

  beforeAll(async () => {
    ({ ctx, app, editor, contributor } = await backOfficeAs(t(), 'editor', 'contributor'));
  });

  const get = (path: string) => app.request(`http://localhost${path}`);

  /** A person credited on one piece in this status. */
  async function personWith(status: PublicationStatus) {
    const person = await buildPerson(ctx, 'Kang Chol-hwan');
    const piece = await buildPublication(ctx, {
      status,
      publishedAt: status === 'published' ? '2016-05-01T00:00:00.000Z' : undefined,
      contributions: [{ personId: person.id }],
    });
    return { person, piece, page: `/people/${person.slug}/` };
  }

  const upload = (personId: number, file: File, fields: Record<string, string>, as = editor) =>
    uploadForm(as, `/admin/people/${personId}`, `/admin/people/${personId}/photo`, fields, file);

  const portrait = async (width = 1200, height = 900) =>
    fileOf(await geotaggedJpeg(width, height), 'portrait.jpg', 'image/jpeg');

  const photoOf = async (personId: number) =>
    (await ctx.repos.images.photosOf([personId])).get(personId);

  /** The error the photo panel of the person's form shows, if any. */
  const photoPanelError = (html: string) =>
    cheerio.load(html)('section[aria-labelledby="photo-heading"] [role="alert"]').text().trim();

  it("uploaded on the person's form with alt text and credit, show on their public page with both", async () => {
    const { person, page } = await personWith('published');
    const res = await upload(person.id, await portrait(), {
      alt: 'Kang Chol-hwan at a press conference in Seoul',
      credit: 'Yonhap',
    });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe(`/admin/people/${person.id}?saved=1`);
    const photo = (await photoOf(person.id))!;
    expect(photo).toMatchObject({
      alt: 'Kang Chol-hwan at a press conference in Seoul',
      credit: 'Yonhap',
      width: 1200,
      height: 900,
    });
    await createJobRunner(ctx).drain();

    for (const [path, credit] of [
      [page, 'Photo: Yonhap'],
      [`/ko${page}`, '사진: Yonhap'],
    ] as const) {
      const { res: answer, $ } = await getPage(app, path);
      expect(answer.status).toBe(200);
      const figure = $('figure.person-photo');
      expect(
        figure
          .find('picture > source')
          .map((_, s) => $(s).attr('type'))
          .get(),
      ).toEqual(['image/avif', 'image/webp']);
      // A small slot: only the smallest copies are offered.
      expect(figure.find('source[type="image/avif"]').attr('srcset')).toBe(
        `/images/${photo.id}/480.avif 480w`,
      );
      const img = figure.find('picture > img');
      expect(img.attr('src')).toBe(`/images/${photo.id}/480.jpg`);
      expect([img.attr('width'), img.attr('height')]).toEqual(['1200', '900']);
      expect(img.attr('alt')).toBe('Kang Chol-hwan at a press conference in Seoul');
      expect(figure.find('figcaption').text().trim()).toBe(credit);
    }
    for (const ext of ['avif', 'webp', 'jpg']) {
      expect((await get(`/images/${photo.id}/480.${ext}`)).status).toBe(200);
    }
  });

  it('are served with no EXIF or GPS in any copy, before the copies are made and after', async () => {
    const { person } = await personWith('published');
    // Pixels of its own: its copies are not already made for another image.
    expect(
      (await upload(person.id, await portrait(1024, 768), { alt: 'Portrait', credit: 'NK News' }))
        .status,
    ).toBe(303);
    const photo = (await photoOf(person.id))!;
    expect(await ctx.repos.files.derivativesOf(photo.storedFileId)).toEqual([]);
    const addresses = [480, 960, 1024].flatMap((w) =>
      ['avif', 'webp', 'jpg'].map((ext) => `/images/${photo.id}/${w}.${ext}`),
    );
    const early = await get(addresses[0]!);
    expect(early.status).toBe(200);
    expect(await metadataLeft(Buffer.from(await early.arrayBuffer()))).toEqual(NO_METADATA);
    await createJobRunner(ctx).drain();
    for (const address of addresses) {
      const res = await get(address);
      expect(res.status, address).toBe(200);
      expect(await metadataLeft(Buffer.from(await res.arrayBuffer())), address).toEqual(
        NO_METADATA,
      );
    }
  });

  it('show only while the person has public work: nowhere for a person named only in a draft', async () => {
    const { person, piece, page } = await personWith('draft');
    expect(
      (await upload(person.id, await portrait(), { alt: 'A source', credit: 'Private' })).status,
    ).toBe(303);
    const photo = (await photoOf(person.id))!;
    const address = `/images/${photo.id}/480.webp`;
    expect((await get(page)).status).toBe(404);
    expect((await get(address)).status).toBe(404);

    await editPublication(ctx, piece.id, {
      status: 'published',
      publishedAt: '2016-05-01T00:00:00.000Z',
    });
    expect((await get(address)).status).toBe(200);
    expect(await (await get(page)).text()).toContain(`/images/${photo.id}/480.webp`);

    await editPublication(ctx, piece.id, { status: 'withdrawn', withdrawnReason: 'Retracted' });
    expect((await get(page)).status).toBe(404);
    expect((await get(address)).status).toBe(404);
  });

  it('replaced by a new one stop answering at their addresses', async () => {
    const { person } = await personWith('published');
    expect((await upload(person.id, await portrait(), { alt: 'Old', credit: 'A' })).status).toBe(
      303,
    );
    const old = (await photoOf(person.id))!;
    expect(
      (await upload(person.id, await portrait(800, 600), { alt: 'New', credit: 'B' })).status,
    ).toBe(303);
    const current = (await photoOf(person.id))!;
    expect(current.id).not.toBe(old.id);
    expect((await get(`/images/${old.id}/480.webp`)).status).toBe(404);
    expect((await get(`/images/${current.id}/480.webp`)).status).toBe(200);
  });

  it('need alt text and a credit, and are not for contributors to add', async () => {
    const { person } = await personWith('published');
    const noCredit = await upload(person.id, await portrait(), { alt: 'Portrait', credit: ' ' });
    expect(noCredit.status).toBe(422);
    expect(photoPanelError(await noCredit.text())).toBe('A photo needs its credit');
    const noAlt = await upload(person.id, await portrait(), { alt: '', credit: 'Yonhap' });
    expect(noAlt.status).toBe(422);
    expect(photoPanelError(await noAlt.text())).toBe(
      'alt: Alt text is required (or mark the image decorative)',
    );
    const byContributor = await upload(
      person.id,
      await portrait(),
      { alt: 'Portrait', credit: 'Yonhap' },
      contributor,
    );
    expect(byContributor.status).toBe(403);
    expect(await photoOf(person.id)).toBeUndefined();
  });

  it('are refused when the file is not an image, or a hostile one, saying why and never failing', async () => {
    const { person } = await personWith('published');
    for (const { what, file, says } of await hostileFiles()) {
      const res = await upload(person.id, file, { alt: 'Portrait', credit: 'Yonhap' });
      expect(res.status, what).toBe(422);
      expect(photoPanelError(await res.text()), what).toMatch(says);
    }
    expect(await photoOf(person.id)).toBeUndefined();
  });
});
