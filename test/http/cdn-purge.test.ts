import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createJobRunner } from '../../src/cli/job-runners.ts';
import type { WiredContext } from '../../src/context.ts';
import { CDN_PURGE_JOB } from '../../src/core/cdn.ts';
import { ConflictError } from '../../src/core/errors.ts';
import { changeStatus } from '../../src/features/publishing/workflow.ts';
import { createApp } from '../../src/web/app.tsx';
import { SYSTEM_ACTOR } from '../support/actors.ts';
import { describeEachDatabase } from '../support/databases.ts';
import { buildPublication, buildSection, testContext } from '../support/factories.ts';

interface Purge {
  header: string | undefined;
  keys: string[];
}

/** A stand-in for the operator's purge endpoint: a real HTTP server that records what it gets. */
async function purgeEndpoint() {
  const received: Purge[] = [];
  let status = 200;
  const server: Server = createServer((req: IncomingMessage, res) => {
    let body = '';
    req.on('data', (chunk) => {
      body += chunk;
    });
    req.on('end', () => {
      received.push({
        header: req.headers['surrogate-key'] as string | undefined,
        keys: JSON.parse(body).surrogate_keys,
      });
      res.writeHead(status).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/purge`,
    received,
    answer: (s: number) => {
      status = s;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

describeEachDatabase('a CDN in front of the archive', (db) => {
  let ctx: WiredContext;
  let endpoint: Awaited<ReturnType<typeof purgeEndpoint>>;

  beforeAll(async () => {
    endpoint = await purgeEndpoint();
    ctx = await testContext(db(), undefined, 'https://archive.example.org', {
      renderCache: {},
      config: { cdnPurgeUrl: endpoint.url },
    });
  }, 60_000);

  afterAll(async () => {
    await ctx?.close();
    await endpoint?.close();
  });

  const purgeJobs = async () =>
    (await ctx.repos.jobs.list({ kind: CDN_PURGE_JOB, limit: 1000 })).filter(
      (j) => j.status === 'queued',
    );
  const drain = () => createJobRunner(ctx, { kinds: [CDN_PURGE_JOB] }).drain();

  it('lets a CDN keep a public page under keys that name what it shows', async () => {
    const section = await buildSection(ctx);
    const piece = await buildPublication(ctx, { sectionId: section.id, status: 'published' });
    const app = createApp(ctx);
    const page = await app.request(`/${section.slug}/${piece.slug}/`);
    expect(page.status).toBe(200);
    const keys = page.headers.get('surrogate-key')!.split(' ');
    expect(keys).toContain(`pub:${piece.id}`);
    expect(page.headers.get('cache-tag')!.split(',')).toEqual(keys);
    expect(page.headers.get('surrogate-control')).toMatch(/^max-age=\d+$/);
    // Browsers still revalidate every time.
    expect(page.headers.get('cache-control')).toBe('public, max-age=0, must-revalidate');
    // The same headers from memory.
    const again = await app.request(`/${section.slug}/${piece.slug}/`);
    expect(again.headers.get('surrogate-key')).toBe(page.headers.get('surrogate-key'));
    // A page that is not found is never kept by the CDN.
    const missing = await app.request(`/${section.slug}/no-such-piece/`);
    expect(missing.status).toBe(404);
    expect(missing.headers.get('surrogate-control')).toBeNull();
  });

  it('queues a purge with the change that hides a page, and sends it to the CDN', async () => {
    await drain();
    const piece = await buildPublication(ctx, { status: 'published' });
    await drain();
    endpoint.received.length = 0;
    await changeStatus(
      ctx,
      {
        id: piece.id,
        version: piece.version,
        to: 'withdrawn',
        withdrawnReason: 'At the authors’ request.',
      },
      SYSTEM_ACTOR,
    );
    const queued = await purgeJobs();
    expect(queued.length).toBe(1);
    expect(JSON.parse(queued[0]!.payload).keys).toContain(`pub:${piece.id}`);
    await drain();
    expect(endpoint.received.length).toBe(1);
    expect(endpoint.received[0]!.keys).toContain(`pub:${piece.id}`);
    expect(endpoint.received[0]!.header!.split(' ')).toEqual(endpoint.received[0]!.keys);
    expect(await purgeJobs()).toEqual([]);
  });

  it('queues nothing for a change that did not happen, and tries a refused purge again', async () => {
    await drain();
    const piece = await buildPublication(ctx, { status: 'published' });
    await drain();
    // A stale version: the write is refused and its transaction rolls back with the purge.
    await expect(
      changeStatus(
        ctx,
        { id: piece.id, version: piece.version + 5, to: 'withdrawn', withdrawnReason: 'x' },
        SYSTEM_ACTOR,
      ),
    ).rejects.toBeInstanceOf(ConflictError);
    expect(await purgeJobs()).toEqual([]);

    endpoint.answer(503);
    await changeStatus(
      ctx,
      { id: piece.id, version: piece.version, to: 'withdrawn', withdrawnReason: 'x' },
      SYSTEM_ACTOR,
    );
    const before = endpoint.received.length;
    await drain();
    endpoint.answer(200);
    // The CDN was asked, said no, and the job waits for its next try.
    expect(endpoint.received.length).toBe(before + 1);
    const [job] = await purgeJobs();
    expect(job?.attempts).toBe(1);
    expect(job?.lastError).toMatch(/503/);
  });
});
