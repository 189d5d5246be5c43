import sharp from 'sharp';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createJobRunner } from '../../src/cli/job-runners.ts';
import type { WiredContext } from '../../src/context.ts';
import type { PublicationRecord } from '../../src/core/entities.ts';
import { PDF_EXTRACT_JOB } from '../../src/features/publishing/files/attach-file.ts';
import { publicationPath } from '../../src/features/reading/index.ts';
import { writeTextPdf } from '../../src/infra/pdf/write-text-pdf.ts';
import type { createApp } from '../../src/web/app.tsx';
import { Browserish } from '../support/admin-session.ts';
import { describeEachDatabase } from '../support/databases.ts';
import { buildPublication } from '../support/factories.ts';
import { backOffice } from './back-office-support.ts';

const MiB = 1024 * 1024;
const KOREAN_NAME = '보고서 Report (final).pdf';

interface Uploaded {
  ok: boolean;
  attachmentId?: number;
  error?: string;
  file?: { fileName: string; urlName: string; status: string; statusLabel: string } | null;
  row?: string | null;
}

interface Listed {
  settled: boolean;
  files: Array<{
    attachmentId: number;
    fileName: string;
    status: string;
    statusLabel: string;
    settled: boolean;
    pageCount: number | null;
    language: string | null;
    languageLabel: string | null;
    thumbnailUrl: string | null;
  }>;
}

/** A body that is a PDF's signature and then `size` spaces, made as it is read. */
function oversizedForm(csrf: string, size: number): ReadableStream<Uint8Array> {
  const boundary = '----files-panel-test';
  const head = new TextEncoder().encode(
    `--${boundary}\r\nContent-Disposition: form-data; name="_csrf"\r\n\r\n${csrf}\r\n` +
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="huge.pdf"\r\n` +
      'Content-Type: application/pdf\r\n\r\n%PDF-1.7\n',
  );
  const chunk = new Uint8Array(MiB).fill(0x20);
  let sent = 0;
  return new ReadableStream({
    pull(controller) {
      if (sent === 0) controller.enqueue(head);
      if (sent >= size) {
        controller.enqueue(new TextEncoder().encode(`\r\n--${boundary}--\r\n`));
        controller.close();
        return;
      }
      controller.enqueue(chunk);
      sent += chunk.byteLength;
    },
  });
}

describeEachDatabase('a publication’s files reporting themselves in the back office', (db) => {
  let ctx: WiredContext;
  let app: ReturnType<typeof createApp>;
  let editor: Browserish;
  let signedIn: Awaited<ReturnType<typeof backOffice>>['signedIn'];
  let piece: PublicationRecord;
  let csrf: string;

  beforeAll(async () => {
    const office = await backOffice(db());
    ({ app, signedIn } = office);
    ctx = office.ctx;
    ({ browser: editor } = await signedIn('editor'));
    piece = await buildPublication(ctx);
    const page = await (await editor.request(`/admin/publications/${piece.id}`)).text();
    csrf = /name="_csrf" value="([^"]+)"/.exec(page)![1]!;
  });

  afterAll(() => ctx?.pdf.close());

  /** An upload as the files panel's script sends it: token and role first, asking for JSON. */
  const upload = (
    file: File,
    options: {
      token?: 'field' | 'header' | 'none';
      role?: string;
      json?: boolean;
      publicationId?: number;
    } = {},
  ) => {
    const form = new FormData();
    const token = options.token ?? 'field';
    if (token === 'field') form.append('_csrf', csrf);
    form.append('role', options.role ?? 'supplement');
    form.append('file', file);
    const headers: Record<string, string> = {};
    if (options.json !== false) headers.Accept = 'application/json';
    if (token === 'header') headers['X-CSRF-Token'] = csrf;
    return editor.request(`/admin/publications/${options.publicationId ?? piece.id}/files`, {
      method: 'POST',
      body: form,
      headers,
    });
  };
  const pdfFile = async (name: string) =>
    new File(
      [
        new Uint8Array(
          await writeTextPdf({
            title: 'Flooding in the camps',
            pages: [
              'The flooding of 2016 reached the camp in the night. Prisoners were made to repair the dykes without food, and the guards counted the dead at dawn.',
              'Satellite images taken a week later show the barracks rebuilt and the fields under water.',
            ],
          }),
        ),
      ],
      name,
      { type: 'application/pdf' },
    );
  const list = async (browser = editor) =>
    browser.request(`/admin/publications/${piece.id}/files.json`);

  it('answers a JSON upload with the file kept under its own name and a safe address', async () => {
    const res = await upload(await pdfFile(KOREAN_NAME), { role: 'main-pdf' });
    expect(res.status).toBe(201);
    expect(res.headers.get('content-type')).toContain('application/json');
    const answer = (await res.json()) as Uploaded;
    expect(answer).toMatchObject({
      ok: true,
      file: {
        fileName: KOREAN_NAME,
        urlName: 'bogoseo-report-final.pdf',
        status: 'queued',
        statusLabel: 'Waiting to be read',
      },
    });
    const [attached] = await ctx.repos.files.attachmentsOf([piece.id]);
    expect(attached).toMatchObject({ id: answer.attachmentId, fileName: KOREAN_NAME });
    // The row the script puts in the list, drawn by the server: a PDF has no alt text.
    expect(answer.row).toContain(`data-file-id="${answer.attachmentId}"`);
    expect(answer.row).toContain('aria-live="polite"');
    expect(answer.row).not.toContain('altText-');
  });

  it('takes the token from the X-CSRF-Token header, and refuses an upload with no token', async () => {
    const viaHeader = await upload(await pdfFile('Annex A.pdf'), { token: 'header' });
    expect(viaHeader.status).toBe(201);
    const before = (await ctx.repos.files.attachmentsOf([piece.id])).length;
    const refused = await upload(await pdfFile('Annex B.pdf'), { token: 'none' });
    expect(refused.status).toBe(403);
    expect(await ctx.repos.files.attachmentsOf([piece.id])).toHaveLength(before);
  });

  it('answers what is wrong with an upload as JSON with its status, never a redirect', async () => {
    const wrongType = await upload(
      new File(['Just some words, not a PDF. '.repeat(40)], 'notes.pdf'),
    );
    expect(wrongType.status).toBe(422);
    expect(await wrongType.json()).toEqual({
      ok: false,
      error: 'Only PDF, PNG, JPEG, WebP and AVIF files are accepted',
    });

    const same = await upload(await pdfFile('보고서 report-final.pdf'));
    expect(same.status).toBe(422);
    expect(((await same.json()) as Uploaded).error).toMatch(
      /already has a file at the address bogoseo-report-final\.pdf \(보고서 Report \(final\)\.pdf\)/,
    );

    const form = new FormData();
    form.append('_csrf', csrf);
    form.append('file', new File([], ''));
    const none = await editor.request(`/admin/publications/${piece.id}/files`, {
      method: 'POST',
      body: form,
      headers: { Accept: 'application/json' },
    });
    expect(none.status).toBe(422);
    expect(await none.json()).toEqual({ ok: false, error: 'Choose a file' });
  });

  it('answers a file over the limit with a 413 in JSON', async () => {
    const res = await editor.request(`/admin/publications/${piece.id}/files`, {
      method: 'POST',
      body: oversizedForm(csrf, 201 * MiB),
      headers: {
        Accept: 'application/json',
        'Content-Type': 'multipart/form-data; boundary=----files-panel-test',
      },
      duplex: 'half',
    } as RequestInit);
    expect(res.status).toBe(413);
    expect(await res.json()).toEqual({ ok: false, error: 'The file is larger than 200 MB.' });
    expect((await ctx.repos.files.attachmentsOf([piece.id])).map((a) => a.fileName)).not.toContain(
      'huge.pdf',
    );
  }, 60_000);

  it('still redirects a form posted without JavaScript', async () => {
    const res = await upload(await pdfFile('Plain Form.pdf'), { json: false });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe(`/admin/publications/${piece.id}?saved=1`);
  });

  it('lists each file’s state in files.json, and follows it as the extraction runs', async () => {
    const before = (await (await list()).json()) as Listed;
    expect(before.settled).toBe(false);
    const main = before.files.find((f) => f.fileName === KOREAN_NAME)!;
    expect(main).toMatchObject({
      status: 'queued',
      statusLabel: 'Waiting to be read',
      settled: false,
      pageCount: null,
      thumbnailUrl: null,
    });

    await createJobRunner(ctx, { kinds: [PDF_EXTRACT_JOB] }).drain();

    const res = await list();
    expect(res.headers.get('cache-control')).toBe('no-store');
    const after = (await res.json()) as Listed;
    expect(after.settled).toBe(true);
    const done = after.files.find((f) => f.fileName === KOREAN_NAME)!;
    expect(done).toMatchObject({
      status: 'done',
      statusLabel: 'Ready',
      settled: true,
      pageCount: 2,
      language: 'en',
      languageLabel: 'English',
      thumbnailUrl: `/admin/publications/${piece.id}/files/${main.attachmentId}/thumbnail`,
    });
    const thumbnail = await editor.request(done.thumbnailUrl!);
    expect(thumbnail.status).toBe(200);
    expect(thumbnail.headers.get('content-type')).toMatch(/^image\//);
    // Never kept by a shared cache: the back office's answers are all no-store.
    expect(thumbnail.headers.get('cache-control')).toBe('no-store');

    const page = await (await editor.request(`/admin/publications/${piece.id}`)).text();
    expect(page).toContain(`src="${done.thumbnailUrl}"`);
    expect(page).toContain('>, 2 pages</span>');
    expect(page).toContain('>, English</span>');
  }, 60_000);

  it('refuses files.json and thumbnails to the signed-out and to a role that may not edit the piece', async () => {
    const files = `/admin/publications/${piece.id}/files.json`;
    const anonymous = new Browserish(app, ctx.config.publicUrl);
    const signedOut = await anonymous.request(files);
    expect(signedOut.status).toBe(303);
    expect(signedOut.headers.get('location')).toMatch(/^\/admin\/sign-in/);
    const [first] = await ctx.repos.files.attachmentsOf([piece.id]);
    const thumb = `/admin/publications/${piece.id}/files/${first!.id}/thumbnail`;
    expect((await anonymous.request(thumb)).status).toBe(303);

    const { browser: contributor } = await signedIn('contributor');
    const refused = await list(contributor);
    expect(refused.status).toBe(403);
    expect(await refused.text()).not.toContain(KOREAN_NAME);
    expect((await contributor.request(thumb)).status).toBe(403);
  });

  it('serves the file publicly under its safe address, offering its kept name', async () => {
    const section = (await ctx.repos.sections.list()).find((s) => s.id === piece.sectionId)!;
    const path = `${publicationPath(section, piece)}bogoseo-report-final.pdf`;
    const res = await app.request(`${ctx.config.publicUrl}${path}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toBe(
      `inline; filename="bogoseo-report-final.pdf"; filename*=UTF-8''${encodeURIComponent(KOREAN_NAME).replace(/[()]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)}`,
    );
    const page = await (
      await app.request(`${ctx.config.publicUrl}${publicationPath(section, piece)}`)
    ).text();
    expect(page).toContain('bogoseo-report-final.pdf');
  });

  it('offers alt text, caption and credit for images only', async () => {
    const png = await sharp({
      create: { width: 8, height: 8, channels: 3, background: '#336699' },
    })
      .png()
      .toBuffer();
    // A draft: an image added to a published piece must come with its alt text.
    const draft = await buildPublication(ctx, { status: 'draft', publishedAt: null });
    const res = await upload(
      new File([new Uint8Array(png)], 'Camp Map.png', { type: 'image/png' }),
      {
        role: 'image',
        publicationId: draft.id,
      },
    );
    expect(res.status).toBe(201);
    const image = (await res.json()) as Uploaded;
    expect(image.row).toContain(`name="altText-${image.attachmentId}"`);
    expect(image.row).toContain(`name="credit-${image.attachmentId}"`);

    const drawn = await (await editor.request(`/admin/publications/${draft.id}`)).text();
    expect(drawn).toContain(`name="altText-${image.attachmentId}"`);
    expect(drawn).toContain('>Camp Map.png<');

    const page = await (await editor.request(`/admin/publications/${piece.id}`)).text();
    const pdfs = (await ctx.repos.files.attachmentsOf([piece.id])).filter(
      (a) => a.file.mediaType === 'application/pdf',
    );
    expect(pdfs.length).toBeGreaterThan(0);
    for (const pdf of pdfs) {
      expect(page).toContain(`data-file-id="${pdf.id}"`);
      for (const field of ['altText', 'caption', 'credit'])
        expect(page).not.toContain(`name="${field}-${pdf.id}"`);
    }
  });
});
