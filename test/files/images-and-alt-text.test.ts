import sharp from 'sharp';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createJobRunner } from '../../src/cli/job-runners.ts';
import type { WiredContext } from '../../src/context.ts';
import { ValidationError } from '../../src/core/errors.ts';
import { describeAttachment } from '../../src/features/publishing/files/describe-attachment.ts';
import { readAll } from '../../src/features/publishing/files/read-all.ts';
import { updatePublication } from '../../src/features/publishing/save-publication.ts';
import { SYSTEM_ACTOR } from '../support/actors.ts';
import { describeEachDatabase } from '../support/databases.ts';
import { attachBytes, buildPublication, testContext } from '../support/factories.ts';

/** A photo as a phone would send it: EXIF with the place it was taken and the camera. */
async function geotaggedJpeg(width = 1200, height = 800): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 3, background: { r: 90, g: 120, b: 60 } } })
    .jpeg()
    .withExif({
      IFD0: { Make: 'LeakyPhone', Model: 'Model 7', Artist: 'Kim Secret-Source' },
      IFD3: {
        GPSLatitudeRef: 'N',
        GPSLatitude: '41/1 25/1 0/1',
        GPSLongitudeRef: 'E',
        GPSLongitude: '129/1 10/1 0/1',
      },
    })
    .toBuffer();
}

describeEachDatabase('images', (t) => {
  let ctx: WiredContext;
  beforeAll(async () => {
    ctx = await testContext(t());
  });
  afterAll(() => ctx.pdf.close());

  const attachImage = (
    publicationId: number,
    bytes: Buffer,
    fileName: string,
    options: { keepImageMetadata?: boolean } = {},
  ) => attachBytes(ctx, bytes, { publicationId, fileName, role: 'image', ...options });

  it('lose their EXIF and GPS on upload unless asked to keep them', async () => {
    const photo = await geotaggedJpeg();
    expect((await sharp(photo).metadata()).exif?.length).toBeGreaterThan(0);
    const publication = await buildPublication(ctx, { status: 'draft' });
    const { file } = await attachImage(publication.id, photo, 'camp.jpg');
    const stored = Buffer.from(await readAll(ctx.files.read(file.sha256)));
    const meta = await sharp(stored).metadata();
    expect(meta).toMatchObject({ format: 'jpeg', width: 1200, height: 800 });
    expect(meta.exif).toBeUndefined();
    expect(stored.includes('LeakyPhone')).toBe(false);
    expect(stored.includes('Kim Secret-Source')).toBe(false);

    const { file: kept } = await attachImage(publication.id, photo, 'camp-original.jpg', {
      keepImageMetadata: true,
    });
    expect(kept.sha256).not.toBe(file.sha256);
    const original = Buffer.from(await readAll(ctx.files.read(kept.sha256)));
    expect(original.equals(photo)).toBe(true);
  });

  it('get resized copies in AVIF, WebP and a JPEG fallback, never wider than the original', async () => {
    const publication = await buildPublication(ctx, { status: 'draft' });
    const towers = await geotaggedJpeg(1200, 900);
    const { file } = await attachImage(publication.id, towers, 'towers.jpg');
    await createJobRunner(ctx).drain();
    const variants = await ctx.repos.files.derivativesOf(file.id);
    expect(variants.map((v) => `${v.mediaType} ${v.width}x${v.height}`).sort()).toEqual([
      'image/avif 1200x900',
      'image/avif 480x360',
      'image/avif 960x720',
      'image/jpeg 1200x900',
      'image/jpeg 480x360',
      'image/jpeg 960x720',
      'image/webp 1200x900',
      'image/webp 480x360',
      'image/webp 960x720',
    ]);
    for (const v of variants) {
      const meta = await sharp(Buffer.from(await readAll(ctx.files.read(v.sha256)))).metadata();
      expect(meta.format).toBe(
        { 'image/webp': 'webp', 'image/avif': 'heif', 'image/jpeg': 'jpeg' }[v.mediaType],
      );
      expect(meta.exif).toBeUndefined();
    }
    expect((await ctx.repos.files.findStoredFile(file.id))?.metadata).toEqual({
      width: 1200,
      height: 900,
    });
  });

  it('need alt text before their publication can be published, and the refusal names them', async () => {
    const publication = await buildPublication(ctx, { status: 'draft' });
    const yodok = await geotaggedJpeg(640, 480);
    const { attachment } = await attachImage(publication.id, yodok, 'yodok-2016.jpg');
    const publish = () =>
      updatePublication(
        ctx,
        publication.id,
        publication.version,
        {
          sectionId: publication.sectionId,
          slug: publication.slug,
          type: publication.type,
          title: publication.title,
          status: 'published',
          publishedAt: '2016-05-01T00:00:00.000Z',
        },
        SYSTEM_ACTOR,
      );
    const refusal = await publish().catch((e) => e);
    expect(refusal).toBeInstanceOf(ValidationError);
    expect(refusal.message).toMatch(/Add alt text to the image yodok-2016\.jpg before publishing/);
    expect((await ctx.repos.publications.findById(publication.id))?.status).toBe('draft');

    await describeAttachment(
      ctx,
      attachment.id,
      { altText: 'Satellite image of Camp 15 at Yodŏk: new guard towers along the eastern fence' },
      SYSTEM_ACTOR,
    );
    expect((await publish()).status).toBe('published');
  });

  it('need alt text when they are added to a piece that is already published', async () => {
    const publication = await buildPublication(ctx, { status: 'published' });
    const attempt = attachImage(publication.id, await geotaggedJpeg(320, 240), 'no-words.jpg');
    await expect(attempt).rejects.toThrow(/Add alt text to the image no-words\.jpg/);
  });
});
