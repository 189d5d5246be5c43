import * as cheerio from 'cheerio';
import type { Hono } from 'hono';
import { beforeAll, expect, it } from 'vitest';
import { createJobRunner } from '../../src/cli/job-runners.ts';
import type { WiredContext } from '../../src/context.ts';
import type { PublicationInput } from '../../src/core/schemas.ts';
import { backOfficeAs } from '../admin/back-office-support.ts';
import { tokenFor } from '../api/api-client.ts';
import type { Browserish } from '../support/admin-session.ts';
import { describeEachDatabase } from '../support/databases.ts';
import { buildPublication, editPublication } from '../support/factories.ts';
import { getPage } from '../support/html.ts';
import {
  fileOf,
  geotaggedJpeg,
  geotaggedPng,
  metadataLeft,
  NO_METADATA,
  uploadForm,
} from '../support/images.ts';
import { formFieldsOf, putBodyOf } from '../trust/requests.ts';

/** Every copy a figure of this width has: the standard widths below it, then its own. */
const copies = (id: number, widths: number[], fallback: 'jpg' | 'png') =>
  widths.flatMap((w) =>
    (['avif', 'webp', fallback] as const).map((ext) => `/images/${id}/${w}.${ext}`),
  );

describeEachDatabase('figures', (t) => {
  let ctx: WiredContext;
  let app: Hono;
  let editor: Browserish;

  beforeAll(async () => {
    ({ ctx, app, editor } = await backOfficeAs(t(), 'editor'));
  });

  const get = (path: string) => app.request(`http://localhost${path}`);
  const drainJobs = () => createJobRunner(ctx).drain();

  async function piece(overrides: Partial<PublicationInput> = {}) {
    const record = await buildPublication(ctx, {
      status: 'published',
      body: 'Satellite imagery shows the camp.',
      ...overrides,
    });
    const section = (await ctx.repos.sections.findById(record.sectionId))!;
    return { record, path: `/${section.slug}/${record.slug}/` };
  }

  /** Uploads on the editor's figure form; the new image's id, from where the editor is sent. */
  async function uploadFigure(
    publicationId: number,
    file: File,
    words: Record<string, string>,
  ): Promise<number> {
    const res = await upload(publicationId, file, words);
    expect(res.status).toBe(303);
    return Number(/#figure-(\d+)$/.exec(res.headers.get('location') ?? '')?.[1]);
  }

  const upload = (publicationId: number, file: File, words: Record<string, string>) =>
    uploadForm(
      editor,
      `/admin/publications/${publicationId}`,
      `/admin/publications/${publicationId}/figures`,
      words,
      file,
    );

  /** Saves the editor's form with a new body, as an editor pasting the figure's line would. */
  async function saveBody(id: number, body: string): Promise<Response> {
    const record = (await ctx.repos.publications.findById(id))!;
    return editor.submit(`/admin/publications/${id}`, `/admin/publications/${id}`, {
      ...formFieldsOf(record),
      body,
    });
  }

  const towers = async () => fileOf(await geotaggedJpeg(1200, 800), 'towers.jpg', 'image/jpeg');

  it('placed in a body show as a figure: a picture with AVIF and WebP sources, a JPEG fallback, its size, alt text, caption, credit, source and date', async () => {
    const { record, path } = await piece();
    const id = await uploadFigure(record.id, await towers(), {
      alt: 'Guard towers along the south fence of the camp',
      caption: 'New guard towers, March 2016',
      credit: 'Airbus Defence and Space',
      source: 'Pléiades satellite',
      takenOn: '2016-03-14',
    });
    const body = `Satellite imagery shows the camp.\n\n![towers](figure:${id})\n\nThe towers are new.`;
    expect((await saveBody(record.id, body)).status).toBe(303);
    await drainJobs();

    for (const page of [path, `/ko${path}`]) {
      const { res, $ } = await getPage(app, page);
      expect(res.status).toBe(200);
      const figure = $(`figure#figure-${id}`);
      expect(figure.length).toBe(1);
      const sources = figure
        .find('picture > source')
        .map((_, s) => ({ type: $(s).attr('type'), srcset: $(s).attr('srcset') }))
        .get();
      const srcset = (ext: string) =>
        [480, 960, 1200].map((w) => `/images/${id}/${w}.${ext} ${w}w`).join(', ');
      expect(sources).toEqual([
        { type: 'image/avif', srcset: srcset('avif') },
        { type: 'image/webp', srcset: srcset('webp') },
      ]);
      const img = figure.find('picture > img');
      expect(img.attr('src')).toBe(`/images/${id}/960.jpg`);
      expect(img.attr('srcset')).toBe(srcset('jpg'));
      expect([img.attr('width'), img.attr('height')]).toEqual(['1200', '800']);
      // The body is English: so is the figure, whichever language the page around it speaks.
      expect(img.attr('alt')).toBe('Guard towers along the south fence of the camp');
      const caption = figure.find('figcaption');
      expect(caption.find('.figure-caption').text()).toBe('New guard towers, March 2016');
      expect(caption.find('.figure-credit').text()).toBe('Credit: Airbus Defence and Space');
      expect(caption.find('.figure-source').text()).toBe('Source: Pléiades satellite');
      expect(caption.find('.figure-date time').attr('datetime')).toBe('2016-03-14');
      expect(caption.find('.figure-date').text()).toMatch(/^Taken .*2016/);
    }
    for (const address of copies(id, [480, 960, 1200], 'jpg')) {
      const res = await get(address);
      expect(res.status, address).toBe(200);
      const ext = address.split('.').pop()!;
      expect(res.headers.get('content-type')).toBe(
        { avif: 'image/avif', webp: 'image/webp', jpg: 'image/jpeg' }[ext],
      );
    }
  });

  it('with transparency fall back to PNG rather than JPEG', async () => {
    const { record, path } = await piece();
    const id = await uploadFigure(
      record.id,
      fileOf(await geotaggedPng(600, 400), 'map.png', 'image/png'),
      {
        alt: 'Map of the camp',
      },
    );
    expect((await saveBody(record.id, `![map](figure:${id})`)).status).toBe(303);
    await drainJobs();
    const { $ } = await getPage(app, path);
    const img = $(`figure#figure-${id} picture > img`);
    expect(img.attr('src')).toBe(`/images/${id}/600.png`);
    expect(img.attr('srcset')).toBe(`/images/${id}/480.png 480w, /images/${id}/600.png 600w`);
    const res = await get(`/images/${id}/600.png`);
    expect(res.headers.get('content-type')).toBe('image/png');
  });

  it('in a Korean piece speak Korean: Korean alt text is required, and the figure shows the Korean words and labels', async () => {
    const { record, path } = await piece({
      language: 'ko',
      title: '요덕 수용소',
      body: '위성 사진.',
    });
    const englishOnly = await upload(record.id, await towers(), { alt: 'Guard towers' });
    expect(englishOnly.status).toBe(422);
    expect(figurePanelError(await englishOnly.text())).toBe(
      'altKo: Alt text in Korean is required (or mark the image decorative)',
    );
    const id = await uploadFigure(record.id, await towers(), {
      alt: 'Guard towers',
      altKo: '남쪽 울타리를 따라 선 경비탑',
      caption: 'New guard towers',
      captionKo: '새 경비탑',
      credit: 'Airbus DS',
      source: 'Pléiades',
      takenOn: '2016-03-14',
    });
    expect((await saveBody(record.id, `위성 사진.\n\n![경비탑](figure:${id})\n`)).status).toBe(303);
    for (const page of [path, `/ko${path}`]) {
      const { $ } = await getPage(app, page);
      const figure = $(`figure#figure-${id}`);
      expect(figure.find('img').attr('alt')).toBe('남쪽 울타리를 따라 선 경비탑');
      expect(figure.find('.figure-caption').text()).toBe('새 경비탑');
      expect(figure.find('.figure-credit').text()).toBe('제공: Airbus DS');
      expect(figure.find('.figure-source').text()).toBe('출처: Pléiades');
      expect(figure.find('.figure-date').text()).toMatch(/^촬영 2016/);
    }
  });

  it('placed in the body of a piece that is not theirs, or missing, are refused on the body field, and nothing is saved', async () => {
    const { record } = await piece();
    const other = await piece({ status: 'draft' });
    const theirs = await uploadFigure(other.record.id, await towers(), { alt: 'A draft figure' });
    for (const id of [theirs, 99_999]) {
      const body = `Satellite imagery shows the camp.\n\n![x](figure:${id})\n`;
      const res = await saveBody(record.id, body);
      expect(res.status).toBe(422);
      const $ = cheerio.load(await res.text());
      expect($('textarea[name="body"]').nextAll('.error').first().text()).toBe(
        `The body places figure:${id}, which is not among this publication's images`,
      );
      expect(await ctx.repos.publications.findById(record.id)).toEqual(record);
    }
    // The API refuses the same body the same way.
    const { token } = await tokenFor(ctx, 'editor', ['write']);
    const current = (await ctx.repos.publications.findById(record.id))!;
    const res = await app.request(`http://localhost/api/v1/publications/${record.id}`, {
      method: 'PUT',
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ ...putBodyOf(current), body: `![x](figure:${theirs})` }),
    });
    expect(res.status).toBe(422);
    expect(JSON.stringify(await res.json())).toContain(
      `The body places figure:${theirs}, which is not among this publication's images`,
    );
    expect(await ctx.repos.publications.findById(record.id)).toEqual(record);
  });

  it('are served with no EXIF or GPS in any copy, before the copies are made and after', async () => {
    const { record } = await piece();
    // Pixels of its own: no other image shares its stored file, and so its copies.
    const photo = fileOf(await geotaggedJpeg(1000, 750), 'camp.jpg', 'image/jpeg');
    const id = await uploadFigure(record.id, photo, { alt: 'Towers' });
    expect((await saveBody(record.id, `![towers](figure:${id})`)).status).toBe(303);
    const addresses = copies(id, [480, 960, 1000], 'jpg');
    // Until the job has made the copies, the stored image answers for them: stripped on upload.
    const image = (await ctx.repos.images.find(id))!;
    expect(await ctx.repos.files.derivativesOf(image.storedFileId)).toEqual([]);
    const early = await get(addresses[0]!);
    expect(early.status).toBe(200);
    expect(await metadataLeft(Buffer.from(await early.arrayBuffer()))).toEqual(NO_METADATA);
    await drainJobs();
    for (const address of addresses) {
      const res = await get(address);
      expect(res.status, address).toBe(200);
      expect(await metadataLeft(Buffer.from(await res.arrayBuffer())), address).toEqual(
        NO_METADATA,
      );
    }
  });

  it('of a public piece answer 404 at every address until its body places them, and again once it no longer does', async () => {
    const { record, path } = await piece();
    const id = await uploadFigure(record.id, await towers(), {
      alt: 'Towers',
      caption: 'Not for readers yet',
    });
    await drainJobs();
    const addresses = copies(id, [480, 960, 1200], 'jpg');
    const statuses = async () => Promise.all(addresses.map(async (a) => (await get(a)).status));
    expect(new Set(await statuses())).toEqual(new Set([404]));
    const page = await (await get(path)).text();
    expect(page).not.toContain(`/images/${id}/`);
    expect(page).not.toContain('Not for readers yet');

    expect((await saveBody(record.id, `![towers](figure:${id})`)).status).toBe(303);
    expect(new Set(await statuses())).toEqual(new Set([200]));
    expect((await saveBody(record.id, 'The figure is gone.')).status).toBe(303);
    expect(new Set(await statuses())).toEqual(new Set([404]));
  });

  it('named in running text or in a code block are not placed: not shown, and 404 at their addresses', async () => {
    const { record, path } = await piece();
    const id = await uploadFigure(record.id, await towers(), {
      alt: 'Towers',
      caption: 'Material for a later report',
    });
    const body = [
      `As the next report will show (![towers](figure:${id})), the fence was moved.`,
      '',
      'An editor places a figure with a line of its own:',
      '',
      '```',
      `![towers](figure:${id})`,
      '```',
    ].join('\n');
    expect((await saveBody(record.id, body)).status).toBe(303);
    const page = await (await get(path)).text();
    expect(page).not.toContain(`/images/${id}/`);
    expect(page).not.toContain('Material for a later report');
    expect((await get(`/images/${id}/960.webp`)).status).toBe(404);
  });

  it('of a draft answer 404 even when its body places them, and 200 only while the piece is public', async () => {
    const { record } = await piece({ status: 'draft', publishedAt: undefined });
    const id = await uploadFigure(record.id, await towers(), { alt: 'Towers' });
    expect((await saveBody(record.id, `![towers](figure:${id})`)).status).toBe(303);
    await drainJobs();
    const address = `/images/${id}/960.webp`;
    expect((await get(address)).status).toBe(404);
    await editPublication(ctx, record.id, {
      status: 'published',
      publishedAt: '2016-05-01T00:00:00.000Z',
    });
    expect((await get(address)).status).toBe(200);
    await editPublication(ctx, record.id, { status: 'withdrawn', withdrawnReason: 'Retracted' });
    expect((await get(address)).status).toBe(404);
    // The answer to a hidden image is the site's ordinary missing page: nothing about the piece.
    const missing = await (await get(address)).text();
    expect(missing).not.toContain(record.title);
  });

  it('refused on upload say why on the figure form, with a 422 and no image kept', async () => {
    const { record } = await piece({ status: 'draft', publishedAt: undefined });
    const cases: Array<[File, Record<string, string>, string]> = [
      [await towers(), {}, 'alt: Alt text is required (or mark the image decorative)'],
      [
        new File(['just text'], 'towers.jpg', { type: 'image/jpeg' }),
        { alt: 'Towers' },
        'Only PDF, PNG, JPEG, WebP and AVIF files are accepted',
      ],
      [
        new File(['%PDF-1.7\n%%EOF\n'], 'towers.pdf', { type: 'application/pdf' }),
        { alt: 'Towers' },
        'file: Upload a JPEG, PNG, WebP or AVIF image',
      ],
      [await towers(), { alt: 'Towers', takenOn: 'last spring' }, 'takenOn: A date as YYYY-MM-DD'],
    ];
    for (const [file, words, says] of cases) {
      const res = await upload(record.id, file, words);
      expect(res.status, says).toBe(422);
      expect(figurePanelError(await res.text())).toBe(says);
    }
    const empty = await upload(record.id, new File([], 'none.jpg'), { alt: 'Towers' });
    expect(empty.status).toBe(422);
    expect(figurePanelError(await empty.text())).toBe('Choose an image');
    expect(await ctx.repos.images.ofPublication(record.id)).toEqual([]);
  });

  it('cannot be removed while the body places them', async () => {
    const { record } = await piece();
    const id = await uploadFigure(record.id, await towers(), { alt: 'Towers' });
    expect((await saveBody(record.id, `![towers](figure:${id})`)).status).toBe(303);
    const remove = () =>
      editor.submit(
        `/admin/publications/${record.id}`,
        `/admin/publications/${record.id}/figures/${id}/remove`,
        {},
      );
    const refused = await remove();
    expect(refused.status).toBe(422);
    expect(figurePanelError(await refused.text())).toBe(
      `The body still places figure:${id}; take its line out of the body first.`,
    );
    expect((await ctx.repos.images.find(id))?.id).toBe(id);
    expect((await saveBody(record.id, 'No figure now.')).status).toBe(303);
    expect((await remove()).status).toBe(303);
    expect(await ctx.repos.images.find(id)).toBeUndefined();
  });
});

/** The error the figure panel of the editor shows, if any. */
function figurePanelError(html: string): string {
  const $ = cheerio.load(html);
  return $('section[aria-labelledby="figures-heading"] [role="alert"]').text().trim();
}
