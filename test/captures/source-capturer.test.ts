import { createHash } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WARCParser } from 'warcio';
import { citedLinks } from '../../src/core/captures.ts';
import { isPublicAddress } from '../../src/infra/captures/address-policy.ts';
import { HttpSourceCapturer } from '../../src/infra/captures/source-capturer.ts';

const PAGE =
  '<html><head><script>alert(1)</script></head><body><h1>Camp 16</h1><p>Guard towers seen.</p></body></html>';

/** A small site with what a cited source may do: redirect, vanish, be huge or slow, forbid. */
function testSite(): http.Server {
  return http.createServer((req, res) => {
    const send = (status: number, body: string, type = 'text/html; charset=utf-8') => {
      res.writeHead(status, { 'Content-Type': type });
      res.end(body);
    };
    switch (req.url) {
      case '/robots.txt':
        return send(200, 'User-agent: *\nDisallow: /private/\n', 'text/plain');
      case '/report':
        return send(200, PAGE);
      case '/old':
        res.writeHead(301, { Location: '/older' });
        return res.end();
      case '/older':
        res.writeHead(302, { Location: '/report' });
        return res.end();
      case '/to-loopback':
        res.writeHead(302, {
          Location: `http://[::1]:${(req.socket.localPort ?? 0).toString()}/report`,
        });
        return res.end();
      case '/huge':
        res.writeHead(200, { 'Content-Type': 'text/plain' });
        for (let i = 0; i < 300; i++) res.write('x'.repeat(1024));
        return res.end();
      case '/slow':
        setTimeout(() => send(200, PAGE), 3000).unref();
        return;
      case '/private/notes':
        return send(200, 'not for archives');
      default:
        return send(404, 'Not found');
    }
  });
}

describe('capturing a cited source', () => {
  let server: http.Server;
  let base: string;
  let capturer: HttpSourceCapturer;

  beforeAll(async () => {
    server = testSite();
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    capturer = new HttpSourceCapturer({
      userAgent: 'Dossier-capture/1 (+https://archive.example.org)',
      timeoutMs: 1500,
      maxBytes: 100 * 1024,
      allowHosts: ['127.0.0.1'],
    });
  });
  afterAll(() => new Promise<void>((r) => server.close(() => r())));

  it('keeps the page as a WARC that a WARC reader reads back, with the hash of its body and its words', async () => {
    const result = await capturer.capture(`${base}/report`);
    expect(result).toMatchObject({
      state: 'captured',
      httpStatus: 200,
      finalUrl: `${base}/report`,
    });
    expect(result.bodySha256).toBe(createHash('sha256').update(PAGE).digest('hex'));
    expect(result.text).toBe('Camp 16 Guard towers seen.');
    const records = [];
    for await (const record of new WARCParser([result.warc!])) {
      records.push({
        type: record.warcType,
        url: record.warcTargetURI,
        body: await record.readFully(),
      });
    }
    expect(records.map((r) => r.type)).toEqual(['warcinfo', 'request', 'response']);
    expect(Buffer.from(records[2]!.body).toString()).toBe(PAGE);
  });

  it('follows a redirect chain and keeps every hop', async () => {
    const result = await capturer.capture(`${base}/old`);
    expect(result).toMatchObject({ state: 'captured', finalUrl: `${base}/report` });
    const types: string[] = [];
    for await (const record of new WARCParser([result.warc!])) types.push(record.warcType ?? '');
    expect(types.filter((t) => t === 'response')).toHaveLength(3);
  });

  it('says what went wrong with a missing, a huge and a slow page, keeping nothing of the last two', async () => {
    expect(await capturer.capture(`${base}/gone`)).toMatchObject({
      state: 'failed',
      httpStatus: 404,
      reason: expect.stringContaining('404'),
    });
    expect(await capturer.capture(`${base}/huge`)).toMatchObject({
      state: 'failed',
      warc: null,
      reason: 'The source is larger than 100 KB',
    });
    const slow = await capturer.capture(`${base}/slow`);
    expect(slow).toMatchObject({
      state: 'failed',
      warc: null,
      reason: expect.stringMatching(/too long/),
    });
  });

  it('does not fetch what robots.txt forbids', async () => {
    expect(await capturer.capture(`${base}/private/notes`)).toMatchObject({
      state: 'refused',
      warc: null,
      reason: expect.stringMatching(/robots\.txt/),
    });
  });

  it('refuses private and local addresses in every spelling, and after a redirect', async () => {
    const strict = new HttpSourceCapturer({ userAgent: 'Dossier-capture/1', timeoutMs: 1500 });
    const port = new URL(base).port;
    for (const url of [
      `http://127.0.0.1:${port}/report`,
      `http://localhost:${port}/report`,
      `http://2130706433:${port}/report`,
      `http://0x7f.1:${port}/report`,
      `http://[::1]:${port}/report`,
      `http://[::ffff:127.0.0.1]:${port}/report`,
      'http://10.1.2.3/',
      'http://169.254.169.254/latest/meta-data/',
      'http://[fd00::1]/',
    ]) {
      expect(await strict.capture(url), url).toMatchObject({ state: 'refused', warc: null });
    }
    // Allowed host, but its redirect leads to loopback over IPv6: refused at that hop.
    expect(await capturer.capture(`${base}/to-loopback`)).toMatchObject({
      state: 'refused',
      reason: expect.stringMatching(/private or local/),
    });
  });
});

describe('the address policy', () => {
  it('allows public addresses and refuses every private, local and reserved range', () => {
    for (const ok of ['93.184.216.34', '2606:4700::6810:85e5', '8.8.8.8']) {
      expect(isPublicAddress(ok), ok).toBe(true);
    }
    for (const bad of [
      '127.0.0.1',
      '10.0.0.5',
      '172.16.4.4',
      '172.31.255.255',
      '192.168.1.1',
      '169.254.169.254',
      '0.0.0.0',
      '100.64.0.1',
      '224.0.0.1',
      '::1',
      '::',
      'fe80::1',
      'fc00::1',
      'fd12::1',
      '::ffff:127.0.0.1',
      '::ffff:7f00:1',
      '64:ff9b::a00:1',
      '2002:c0a8:101::1',
      'not an address',
    ]) {
      expect(isPublicAddress(bad), bad).toBe(false);
    }
  });

  it('finds the links a piece cites in its body and footnotes', () => {
    const body =
      'See [the report](https://hrnk.org/report.pdf).[^1]\n\n[^1]: Satellite image, https://example.org/img?id=3#top, accessed 2020.';
    expect(citedLinks(body, 'https://www.nknews.org/story')).toEqual([
      'https://hrnk.org/report.pdf',
      'https://example.org/img?id=3',
      'https://www.nknews.org/story',
    ]);
  });
});
