import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RenderCache } from '../../src/infra/render-cache/lru-render-cache.ts';
import { replyFrom } from '../../src/web/render-cache/cached-reply.ts';
import { withRenderCache } from '../../src/web/render-cache/node-fast-path.ts';

const PAGE = Buffer.from('<!doctype html><p>A kept page, long enough to compress.</p>'.repeat(40));
const HEADERS: Array<[string, string]> = [
  ['cache-control', 'public, max-age=0, must-revalidate'],
  ['content-type', 'text/html; charset=UTF-8'],
  ['link', '</assets/a.css>; rel=preload; as=style'],
  ['link', '</assets/b.woff2>; rel=preload; as=font'],
];
/** Headers of the connection and the moment, and those the listener adds per request. */
const NOT_REPLAYED = new Set([
  'date',
  'connection',
  'keep-alive',
  'x-request-id',
  'x-render-cache',
]);

interface Raw {
  status: number;
  headers: Array<[string, string]>;
  body: Buffer;
}

/**
 * The node listener (`dossier serve`) answers kept pages from headers it prepares once per entry
 * and encoding: the answers must be those the middleware gives (`replyFrom`), request by request,
 * and an entry dropped or replaced must never be answered again.
 */
describe('the node listener answers a kept page', () => {
  let cache: RenderCache;
  let server: Server;
  let port: number;

  /** The answer as it went on the wire: headers in order, duplicates kept, bytes undecoded. */
  const get = (path: string, headers: Record<string, string> = {}, method = 'GET') =>
    new Promise<Raw>((resolve, reject) => {
      request({ port, host: '127.0.0.1', path, method, headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const pairs: Array<[string, string]> = [];
          for (let i = 0; i < res.rawHeaders.length; i += 2) {
            pairs.push([res.rawHeaders[i]!.toLowerCase(), res.rawHeaders[i + 1]!]);
          }
          resolve({ status: res.statusCode!, headers: pairs, body: Buffer.concat(chunks) });
        });
      })
        .on('error', reject)
        .end();
    });
  const replayed = (raw: Raw) => raw.headers.filter(([name]) => !NOT_REPLAYED.has(name));
  const header = (raw: Raw, name: string) => raw.headers.find(([n]) => n === name)?.[1];

  beforeAll(async () => {
    cache = new RenderCache({ stateHeader: true });
    await cache.put('/kept/', PAGE, HEADERS, ['in:piece:1'], cache.epoch, 'tag1')!.pending;
    server = createServer(
      withRenderCache(cache, (_req, res) => {
        res.writeHead(404, { 'content-type': 'text/plain' });
        res.end('rendered by the application');
      }),
    );
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
  });

  afterAll(async () => {
    await new Promise((resolve) => server?.close(resolve));
  });

  it('gives each encoding, a revalidation and HEAD the headers the middleware gives', async () => {
    const entry = cache.get('/kept/')!;
    const requests: Array<{ method: string; headers: Record<string, string> }> = [
      { method: 'GET', headers: {} },
      { method: 'GET', headers: { 'accept-encoding': 'gzip, deflate, br' } },
      { method: 'GET', headers: { 'accept-encoding': 'gzip' } },
      { method: 'GET', headers: { 'accept-encoding': 'br;q=0, gzip;q=0' } },
      { method: 'HEAD', headers: { 'accept-encoding': 'br' } },
      { method: 'GET', headers: { 'accept-encoding': 'br', 'if-none-match': '"tag1-gzip"' } },
      { method: 'GET', headers: { 'if-none-match': 'W/"other", "tag1"' } },
    ];
    for (const { method, headers } of requests) {
      const raw = await get('/kept/', headers, method);
      const reply = replyFrom(entry, {
        method,
        acceptEncoding: headers['accept-encoding'],
        ifNoneMatch: headers['if-none-match'],
      });
      const expected =
        reply.status === 304
          ? reply.headers.filter(([n]) => n !== 'content-length')
          : reply.headers;
      expect(raw.status).toBe(reply.status);
      expect(replayed(raw)).toEqual(expected);
      expect(raw.body).toEqual(reply.body ?? Buffer.alloc(0));
      expect(header(raw, 'x-render-cache')).toBe('hit');
      expect(header(raw, 'x-request-id')).toMatch(/^[0-9a-f]{8}-[0-9a-z]+$/);
    }
  });

  it('answers brotli readers with the brotli bytes, their length and their own ETag', async () => {
    const raw = await get('/kept/', { 'accept-encoding': 'br' });
    expect(header(raw, 'content-encoding')).toBe('br');
    expect(header(raw, 'etag')).toBe('"tag1-br"');
    expect(raw.body).toEqual(cache.get('/kept/')!.br);
    expect(Number(header(raw, 'content-length'))).toBe(raw.body.byteLength);
    expect(raw.body.byteLength).toBeLessThan(PAGE.byteLength);
  });

  it('gives every answer a request id of its own', async () => {
    const ids = new Set<string>();
    for (let i = 0; i < 3; i++) ids.add(header(await get('/kept/'), 'x-request-id')!);
    expect(ids.size).toBe(3);
  });

  it('never answers from an entry once dropped, and answers a new entry with its own bytes', async () => {
    await get('/kept/', { 'accept-encoding': 'br' });
    cache.invalidate(['in:piece:1']);
    const dropped = await get('/kept/', { 'accept-encoding': 'br' });
    expect(dropped.status).toBe(404);
    expect(dropped.body.toString()).toBe('rendered by the application');

    const next = Buffer.from('<!doctype html><p>The page as it is now.</p>'.repeat(40));
    await cache.put('/kept/', next, HEADERS, ['in:piece:1'], cache.epoch, 'tag2')!.pending;
    const plain = await get('/kept/');
    expect(plain.body).toEqual(next);
    expect(header(plain, 'etag')).toBe('"tag2"');
    const br = await get('/kept/', { 'accept-encoding': 'br' });
    expect(br.body).toEqual(cache.get('/kept/')!.br);
    expect(header(br, 'etag')).toBe('"tag2-br"');
  });
});
