import { afterAll, beforeAll, expect, it } from 'vitest';
import { createJobRunner } from '../../src/cli/job-runners.ts';
import type { WiredContext } from '../../src/context.ts';
import { attachFile } from '../../src/features/publishing/files/attach-file.ts';
import {
  removePdfMetadata,
  reportPdfMetadata,
} from '../../src/features/publishing/files/pdf-source-protection.ts';
import { PdfSandbox } from '../../src/infra/pdf/pdf-sandbox.ts';
import { writeTextPdf } from '../../src/infra/pdf/write-text-pdf.ts';
import { createApp } from '../../src/web/app.tsx';
import { SYSTEM_ACTOR } from '../support/actors.ts';
import { describeEachDatabase } from '../support/databases.ts';
import { buildPublication, testContext } from '../support/factories.ts';
import { damagedPdf, decompressionBomb, passwordProtectedPdf } from '../support/hostile-pdfs.ts';
import { LEAKS, leakyPdf } from '../support/leaky-pdf.ts';

async function* bytes(b: Uint8Array): AsyncIterable<Uint8Array> {
  yield b;
}

describeEachDatabase('PDF extraction', (t) => {
  let ctx: WiredContext;
  beforeAll(async () => {
    ctx = await testContext(t());
  });
  afterAll(() => ctx.pdf.close());

  const attach = async (publicationId: number, pdf: Uint8Array, fileName: string) =>
    attachFile(
      ctx,
      { publicationId, source: bytes(pdf), fileName, role: 'supplement' },
      SYSTEM_ACTOR,
    );

  it('stores page text, page count, metadata, language and a thumbnail in one transaction with the change notice', async () => {
    const changed: Array<{ id: number; pagesInTx: string[] }> = [];
    ctx.changes.subscribe({
      storedFileChanged: async (id, tx) => {
        changed.push({ id, pagesInTx: await ctx.repos.files.pagesOf(id, tx) });
      },
    });
    const publication = await buildPublication(ctx);
    const pdf = await writeTextPdf({
      title: 'Hidden Gulag',
      author: 'David Hawk',
      pages: [
        'Kwan-li-so No. 15 at Yodŏk holds families of the accused; the camp’s “revolutionizing zone” releases a few.',
        '요덕 수용소 혁명화구역에서는 일부 수감자가 석방된다.',
      ],
    });
    const { file } = await attach(publication.id, pdf, 'hidden-gulag.pdf');
    expect(file.extractionStatus).toBe('queued');

    await createJobRunner(ctx).drain();

    const done = await ctx.repos.files.findStoredFile(file.id);
    expect(done).toMatchObject({ extractionStatus: 'done', extractionError: null, pageCount: 2 });
    expect(done?.metadata).toMatchObject({
      title: 'Hidden Gulag',
      author: 'David Hawk',
      detectedLanguage: 'en',
    });
    const pages = await ctx.repos.files.pagesOf(file.id);
    expect(pages[0]).toContain('Kwan-li-so No. 15 at Yodŏk holds families of the accused');
    expect(pages[1]).toContain('요덕 수용소 혁명화구역에서는');
    expect(changed).toEqual([{ id: file.id, pagesInTx: pages }]);
    const [thumb] = await ctx.repos.files.derivativesOf(file.id);
    expect(thumb).toMatchObject({ purpose: 'thumbnail', mediaType: 'image/webp', width: 320 });
    expect(await ctx.files.verify(thumb!.sha256)).toBe('ok');
  });

  it('marks encrypted, damaged and bomb PDFs failed with a sentence, leaving the publication and the server as they were', async () => {
    const publication = await buildPublication(ctx);
    const app = createApp(ctx);
    // The bomb goes first, so that it meets a fresh child of a sandbox of its own.
    const files = [
      await attach(publication.id, decompressionBomb(1.5 * 1024 ** 3), 'bomb.pdf'),
      await attach(publication.id, await passwordProtectedPdf(), 'locked.pdf'),
      await attach(publication.id, damagedPdf(), 'cut-short.pdf'),
    ].map((a) => a.file.id);

    const sandbox = new PdfSandbox();
    const runner = createJobRunner({ ...ctx, pdf: sandbox });
    const draining = runner.drain();
    const health = await app.request('/healthz');
    await draining.finally(() => sandbox.close());
    expect(health.status).toBe(200);
    expect((await app.request('/healthz')).status).toBe(200);

    const [bomb, locked, cut] = await Promise.all(
      files.map((id) => ctx.repos.files.findStoredFile(id)),
    );
    expect(locked).toMatchObject({
      extractionStatus: 'failed',
      extractionError: expect.stringMatching(/protected by a password/),
    });
    expect(cut).toMatchObject({
      extractionStatus: 'failed',
      extractionError: expect.stringMatching(/damaged or is not a valid PDF/),
    });
    expect(bomb).toMatchObject({
      extractionStatus: 'failed',
      extractionError: expect.stringMatching(/memory limit/),
    });
    for (const id of files) expect(await ctx.repos.files.pagesOf(id)).toEqual([]);
    const after = await ctx.repos.publications.findById(publication.id);
    expect(after).toMatchObject({ status: publication.status, version: publication.version });
    const jobs = await ctx.repos.jobs.list({ status: 'failed' });
    expect(jobs.filter((j) => files.includes(JSON.parse(j.payload).storedFileId))).toHaveLength(3);
  }, 90_000);

  it('reports what a PDF says about its maker, and replaces it with a copy that says nothing', async () => {
    const publication = await buildPublication(ctx, { status: 'draft' });
    const { attachment } = await attach(publication.id, await leakyPdf(), 'camp-25.pdf');
    await createJobRunner(ctx).drain();

    const before = await reportPdfMetadata(ctx, attachment.id);
    const fields = Object.fromEntries(before.identifying.map((f) => [f.field, f.value]));
    expect(fields).toMatchObject({
      author: LEAKS.author,
      creator: LEAKS.creator,
      producer: LEAKS.producer,
    });
    expect(before.metadata?.hasXmp).toBe(true);
    expect(Object.values(before.metadata?.xmp ?? {})).toContain(LEAKS.creator);

    const cleaned = await removePdfMetadata(ctx, attachment.id, SYSTEM_ACTOR);
    expect(cleaned.removed).toEqual(
      expect.arrayContaining(['Author', 'Creator', 'Producer', 'XMP']),
    );
    await createJobRunner(ctx).drain();

    const after = await reportPdfMetadata(ctx, attachment.id);
    expect(after.extractionStatus).toBe('done');
    expect(after.identifying.map((f) => f.field)).toEqual(['title']);
    expect((await ctx.repos.files.findAttachment(attachment.id))?.storedFileId).toBe(
      cleaned.storedFileId,
    );
    const [audit] = await ctx.repos.audit.list({ action: 'attachment.metadata.remove' });
    expect(audit?.detail).toMatchObject({ fileName: 'camp-25.pdf', removed: cleaned.removed });
    expect(JSON.stringify(audit?.detail)).not.toContain(LEAKS.author);
  });
});
