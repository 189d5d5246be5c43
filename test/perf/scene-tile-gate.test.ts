import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { getRequestListener } from '@hono/node-server';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { WiredContext } from '../../src/context.ts';
import { levelZeroPaths, type SceneTiles } from '../../src/core/imagery.ts';
import { createApp } from '../../src/web/app.tsx';
import { withRenderCache } from '../../src/web/render-cache/node-fast-path.ts';
import { describeEachDatabase } from '../support/databases.ts';
import {
  buildPublication,
  editPublication,
  fixedClock,
  testContext,
} from '../support/factories.ts';
import { addTestScene } from '../support/scenes.ts';

/**
 * With the render cache on, a tile of a scene known to be public costs no query: the node
 * listener answers it from memory. What it knows goes with the same invalidations that drop the
 * publication's cached page, so withdrawing the piece ends its tiles at once, and the answers
 * of the fast path and of the route cannot be told apart.
 */
describeEachDatabase('the scene tile gate', (db) => {
  let ctx: WiredContext;
  let server: Server;
  let origin: string;
  let pieceId: number;
  let imageId: number;
  let tile: string;

  const headersOf = (res: Response) =>
    [...res.headers]
      .filter(
        ([name]) =>
          name !== 'date' &&
          name !== 'x-request-id' &&
          name !== 'connection' &&
          name !== 'keep-alive',
      )
      .sort();

  beforeAll(async () => {
    ctx = await testContext(db(), fixedClock('2026-06-01T12:00:00.000Z'), undefined, {
      renderCache: {},
    });
    const app = createApp(ctx);
    server = createServer(
      withRenderCache(ctx.renderCache, getRequestListener(app.fetch), ctx.tileGate),
    );
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const piece = await buildPublication(ctx, { status: 'published', body: 'Imagery.' });
    pieceId = piece.id;
    imageId = (await addTestScene(ctx, piece.id)).id;
    const info = (await (await fetch(`${origin}/iiif/${imageId}/info.json`)).json()) as SceneTiles;
    tile = `/iiif/${imageId}/${levelZeroPaths(info)[0]}`;
  }, 60_000);
  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
    await ctx.close();
  });

  it('answers a known tile from memory with the headers and bytes of the route', async () => {
    expect(ctx.tileGate!.known(imageId)).toBeUndefined();
    const first = await fetch(`${origin}${tile}`);
    const firstBytes = Buffer.from(await first.arrayBuffer());
    expect(first.status).toBe(200);
    expect(ctx.tileGate!.known(imageId)?.publicationId).toBe(pieceId);
    const again = await fetch(`${origin}${tile}`);
    expect(again.status).toBe(200);
    expect(Buffer.from(await again.arrayBuffer()).equals(firstBytes)).toBe(true);
    expect(headersOf(again)).toEqual(headersOf(first));
    const etag = again.headers.get('etag')!;
    const revalidated = await fetch(`${origin}${tile}`, { headers: { 'If-None-Match': etag } });
    expect(revalidated.status).toBe(304);
  });

  it('forgets the scene when its piece is withdrawn, so its tiles answer 404 at once', async () => {
    await fetch(`${origin}${tile}`);
    expect(ctx.tileGate!.known(imageId)).toBeDefined();
    await editPublication(ctx, pieceId, { status: 'draft' });
    expect(ctx.tileGate!.known(imageId)).toBeUndefined();
    expect((await fetch(`${origin}${tile}`)).status).toBe(404);
    await editPublication(ctx, pieceId, { status: 'published' });
    expect((await fetch(`${origin}${tile}`)).status).toBe(200);
  });

  it('keeps no answer found before an invalidation that came while it was being found', () => {
    const gate = ctx.tileGate!;
    const epoch = gate.epoch;
    ctx.renderCache!.invalidate([`pub:${pieceId}`]);
    gate.remember(999, { sha256: 'a'.repeat(64), publicationId: pieceId }, epoch);
    expect(gate.known(999)).toBeUndefined();
    gate.remember(999, { sha256: 'a'.repeat(64), publicationId: pieceId }, gate.epoch);
    expect(gate.known(999)).toBeDefined();
    ctx.renderCache!.invalidate(['all']);
    expect(gate.known(999)).toBeUndefined();
  });
});
