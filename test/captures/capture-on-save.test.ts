import { createHash } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Hono } from 'hono';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createJobRunner } from '../../src/cli/job-runners.ts';
import type { WiredContext } from '../../src/context.ts';
import { backOffice } from '../admin/back-office-support.ts';
import type { Browserish } from '../support/admin-session.ts';
import { describeEachDatabase } from '../support/databases.ts';
import { buildPublication, editPublication } from '../support/factories.ts';

const PAGE =
  '<html><body><h1>Report on Camp 25</h1><script>fetch("https://tracker.example")</script></body></html>';

function site(): http.Server {
  return http.createServer((req, res) => {
    if (req.url === '/robots.txt') {
      res.writeHead(200, { 'Content-Type': 'text/plain' });
      return res.end('User-agent: *\nDisallow: /private/\n');
    }
    if (req.url === '/report') {
      res.writeHead(200, { 'Content-Type': 'text/html' });
      return res.end(PAGE);
    }
    res.writeHead(404, { 'Content-Type': 'text/plain' });
    res.end('gone');
  });
}

describeEachDatabase('capturing the sources a piece cites', (t) => {
  let server: http.Server;
  let base: string;
  let ctx: WiredContext;
  let app: Hono;
  let editor: Browserish;
  let pieceId: number;

  beforeAll(async () => {
    server = site();
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const office = await backOffice(t(), undefined, {
      captureSources: { allowHosts: ['127.0.0.1'] },
    });
    ({ ctx, app } = office);
    editor = (await office.signedIn('editor')).browser;
    const piece = await buildPublication(ctx, {
      status: 'draft',
      title: 'Camp 25',
      body: `The camp grew.[^1] See also [the map](${base}/gone).\n\n[^1]: ${base}/report, and ${base}/private/notes; also http://169.254.169.254/latest/meta-data/.`,
    });
    pieceId = piece.id;
    await createJobRunner(ctx).drain();
  });
  afterAll(() => new Promise<void>((r) => server.close(() => r())));

  it('captures each cited source once when the piece is saved, as a WARC in the store with its hashes', async () => {
    const latest = await ctx.repos.captures.latestFor([
      `${base}/report`,
      `${base}/gone`,
      `${base}/private/notes`,
      'http://169.254.169.254/latest/meta-data/',
    ]);
    const report = latest.get(`${base}/report`)!;
    expect(report).toMatchObject({ state: 'captured', httpStatus: 200, text: 'Report on Camp 25' });
    expect(report.bodySha256).toBe(createHash('sha256').update(PAGE).digest('hex'));
    const warc = (await ctx.repos.files.findStoredFile(report.storedFileId!))!;
    expect(warc.mediaType).toBe('application/warc');
    expect(await ctx.files.verify(warc.sha256)).toBe('ok');
    expect(latest.get(`${base}/gone`)).toMatchObject({ state: 'failed', httpStatus: 404 });
    expect(latest.get(`${base}/private/notes`)).toMatchObject({
      state: 'refused',
      storedFileId: null,
    });
    expect(latest.get('http://169.254.169.254/latest/meta-data/')).toMatchObject({
      state: 'refused',
      reason: expect.stringMatching(/private or local/),
    });
    const audited = (await ctx.repos.audit.list({ action: 'capture.create' })).filter(
      (e) => e.subjectId === String(pieceId),
    );
    expect(audited.map((e) => e.detail?.url)).toHaveLength(4);
    expect(audited.find((e) => e.detail?.url === `${base}/report`)?.detail).toMatchObject({
      warcSha256: warc.sha256,
      bodySha256: report.bodySha256,
    });
  });

  it('does not fetch a source again on a later save, only what is new', async () => {
    const before = (await ctx.repos.audit.list({ action: 'capture.create' })).length;
    const current = (await ctx.repos.publications.findById(pieceId))!;
    await editPublication(ctx, pieceId, {
      body: `${current.body}\n\nMore at ${base}/report?page=2.`,
    });
    await createJobRunner(ctx).drain();
    const after = await ctx.repos.audit.list({ action: 'capture.create' });
    expect(after.length - before).toBe(1);
    expect(after[0]?.detail?.url).toBe(`${base}/report?page=2`);
  });

  it('lists the sources for staff, captures them again on request, and takes a copy down with a reason', async () => {
    const page = await (await editor.request(`/admin/publications/${pieceId}`)).text();
    expect(page).toContain('Sources');
    expect(page).toContain(`${base}/report`);
    expect(page).toContain('Not fetched');
    const again = await editor.submit(
      `/admin/publications/${pieceId}`,
      `/admin/publications/${pieceId}/sources/capture`,
      {},
    );
    expect(again.status).toBe(303);
    await createJobRunner(ctx).drain();
    const report = (await ctx.repos.captures.latestFor([`${base}/report`])).get(`${base}/report`)!;
    const down = await editor.submit(
      `/admin/publications/${pieceId}`,
      `/admin/publications/${pieceId}/sources/${report.id}/take-down`,
      { reason: 'Names a witness.' },
    );
    expect(down.status).toBe(303);
    expect(await ctx.repos.captures.find(report.id)).toMatchObject({
      takenDownReason: 'Names a witness.',
    });
    const after = await (await editor.request(`/admin/publications/${pieceId}`)).text();
    expect(after).toContain('Taken down');
  });

  it('shows readers nothing of the captures', async () => {
    const published = await buildPublication(ctx, {
      status: 'published',
      body: `Cited: ${base}/report`,
    });
    await createJobRunner(ctx).drain();
    const section = (await ctx.repos.sections.findById(published.sectionId))!;
    const res = await app.request(`/${section.slug}/${published.slug}/`);
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).not.toContain('Report on Camp 25');
    expect(html).not.toContain('Sources');
  });
});
