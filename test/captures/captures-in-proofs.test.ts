import { createHash } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createJobRunner } from '../../src/cli/job-runners.ts';
import { verifyArchive } from '../../src/cli/verify-command.ts';
import type { WiredContext } from '../../src/context.ts';
import { describeEachDatabase } from '../support/databases.ts';
import { buildPublication, buildSection, fixedClock, testContext } from '../support/factories.ts';
import { type LocalTsa, startLocalTsa } from '../support/local-tsa.ts';

const BODY = '<p>The ministry denied it.</p>';

describeEachDatabase("a published piece's proof covers the copies of its sources", (t) => {
  let server: http.Server;
  let tsa: LocalTsa;
  let ctx: WiredContext;
  let url: string;
  let pieceId: number;
  let slug: string;

  beforeAll(async () => {
    server = http.createServer((_req, res) => {
      res.writeHead(200, { 'Content-Type': 'text/html' });
      res.end(BODY);
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/denial`;
    tsa = await startLocalTsa();
    ctx = await testContext(t(), fixedClock(), undefined, {
      config: {
        captureSources: { allowHosts: ['127.0.0.1'] },
        timestamping: { url: tsa.url, caFile: tsa.caFile },
      },
    });
    const section = await buildSection(ctx);
    const piece = await buildPublication(ctx, {
      sectionId: section.id,
      status: 'published',
      body: `It was denied.[^1]\n\n[^1]: ${url}`,
    });
    pieceId = piece.id;
    slug = `${section.slug}/${piece.slug}`;
    await createJobRunner(ctx).drain();
  }, 60_000);
  afterAll(async () => {
    await new Promise<void>((r) => server.close(() => r()));
    await tsa?.close();
  });

  it('stamps a version whose record names each captured copy by its hash, and verifies', async () => {
    const proofs = await ctx.repos.proofs.listFor(pieceId);
    const latest = JSON.parse(proofs.at(-1)!.record) as { captures: unknown[] };
    expect(latest.captures).toEqual([
      {
        url,
        sha256: createHash('sha256').update(BODY).digest('hex'),
        capturedAt: expect.any(String),
      },
    ]);
    const lines: string[] = [];
    expect(await verifyArchive(ctx, slug, (l) => lines.push(l))).toBe(0);
  });
});
