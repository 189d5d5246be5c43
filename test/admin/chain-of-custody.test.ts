import { createHash } from 'node:crypto';
import type { Hono } from 'hono';
import { beforeAll, expect, it } from 'vitest';
import type { WiredContext } from '../../src/context.ts';
import { attachFile } from '../../src/features/publishing/index.ts';
import { writeTextPdf } from '../../src/infra/pdf/write-text-pdf.ts';
import { tokenFor } from '../api/api-client.ts';
import type { Browserish } from '../support/admin-session.ts';
import { describeEachDatabase } from '../support/databases.ts';
import { buildPublication } from '../support/factories.ts';
import { backOfficeAs } from './back-office-support.ts';

describeEachDatabase('the chain of custody of a file', (t) => {
  let ctx: WiredContext;
  let app: Hono;
  let editor: Browserish;
  let bytes: Uint8Array;
  let sha256: string;
  let draftId: number;
  let attachmentId: number;

  beforeAll(async () => {
    ({ ctx, app, editor } = await backOfficeAs(t(), 'editor'));
    bytes = await writeTextPdf({
      title: 'Witness statement',
      author: 'x',
      language: 'en',
      pages: ['Statement of a witness, not yet public.'],
    });
    sha256 = createHash('sha256').update(bytes).digest('hex');
    draftId = (await buildPublication(ctx, { status: 'draft', title: 'Unpublished statement' })).id;
    const source = (async function* () {
      yield bytes;
    })();
    const { attachment } = await attachFile(
      ctx,
      { publicationId: draftId, fileName: 'statement.pdf', role: 'main-pdf', source },
      { userId: null, label: 'field researcher', ip: '198.51.100.7', mayPublish: false },
    );
    attachmentId = attachment.id;
  });

  const entries = async (action: string) =>
    (await ctx.repos.audit.list({ action })).filter((e) => e.subjectId === String(draftId));

  it('records who added the file, from where, and the hash of its bytes', async () => {
    const [added] = await entries('attachment.create');
    expect(added).toMatchObject({
      actorLabel: 'field researcher',
      ip: '198.51.100.7',
      detail: { fileName: 'statement.pdf', sha256, bytes: bytes.byteLength },
    });
  });

  it('records every read of the original by staff, in the back office and through the API, before the bytes go out', async () => {
    const res = await editor.request(
      `/admin/publications/${draftId}/files/${attachmentId}/original`,
    );
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toContain('attachment');
    expect(
      createHash('sha256')
        .update(new Uint8Array(await res.arrayBuffer()))
        .digest('hex'),
    ).toBe(sha256);

    const { token, userId } = await tokenFor(ctx, 'editor', ['read-drafts']);
    const api = await app.request(`/api/v1/publications/${draftId}/files/statement.pdf`, {
      headers: { Authorization: `Bearer ${token}` },
    });
    expect(api.status).toBe(200);
    await api.arrayBuffer();

    const reads = await entries('file.read');
    expect(reads.map((r) => r.detail)).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ sha256, fileName: 'statement.pdf', via: 'back office' }),
        expect.objectContaining({ sha256, fileName: 'statement.pdf', via: 'api' }),
      ]),
    );
    expect(reads.find((r) => r.detail?.via === 'api')?.actorUserId).toBe(userId);
    expect(reads.find((r) => r.detail?.via === 'back office')?.actorUserId).not.toBeNull();
  });

  it('offers the original only to staff who may edit the piece', async () => {
    const anonymous = await app.request(
      `/admin/publications/${draftId}/files/${attachmentId}/original`,
    );
    expect([302, 303, 401, 403, 404]).toContain(anonymous.status);
    const before = (await entries('file.read')).length;
    const api = await app.request(`/api/v1/publications/${draftId}/files/statement.pdf`);
    expect(api.status).toBe(404);
    expect((await entries('file.read')).length).toBe(before);
  });
});
