import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { AppContext } from '../../src/core/app-context.ts';
import { createApp } from '../../src/web/app.tsx';
import { describeEachDatabase } from '../support/databases.ts';
import { demoContext, FLOOD } from '../support/demo-context.ts';
import { freePort, liveServer } from '../support/live-server.ts';

const NGINX = '/usr/sbin/nginx';
const PUBLIC_URL = 'https://archive.example.org';
/** nginx reaches the archive from this address, and only this address is trusted. */
const PROXY_ADDRESS = '127.0.0.2';

if (!existsSync(NGINX)) {
  console.warn(`Skipping the reverse-proxy tests: no ${NGINX} (.ci/run installs nginx-light).`);
}

/** A plain HTTP/1.1 request from 127.0.0.1, with whatever Host and headers a client may send. */
function get(
  port: number,
  path: string,
  headers: Record<string, string> = {},
  method = 'GET',
  body?: string,
): Promise<{
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}> {
  return new Promise((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', localAddress: '127.0.0.1', port, path, method, headers },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk) => {
          text += chunk;
        });
        res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body: text }));
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

describeEachDatabase(
  'the archive behind nginx',
  (db) => {
    let ctx: AppContext;
    let app: { origin: string; close: () => Promise<void> };
    let nginx: ChildProcess;
    let proxyPort: number;
    let appPort: number;
    let dir: string;

    beforeAll(async () => {
      const demo = await demoContext(db(), '2026-06-01T12:00:00.000Z', PUBLIC_URL);
      ctx = { ...demo, config: { ...demo.config, trustedProxies: [PROXY_ADDRESS] } };
      appPort = await freePort();
      app = await liveServer(createApp(ctx), appPort);
      proxyPort = await freePort();
      dir = mkdtempSync(join(tmpdir(), 'dossier-nginx-'));
      writeFileSync(
        join(dir, 'nginx.conf'),
        `daemon off;
master_process off;
pid ${dir}/nginx.pid;
error_log ${dir}/error.log;
events { worker_connections 64; }
http {
  access_log off;
  client_body_temp_path ${dir}/body;
  proxy_temp_path ${dir}/proxy;
  fastcgi_temp_path ${dir}/fastcgi;
  uwsgi_temp_path ${dir}/uwsgi;
  scgi_temp_path ${dir}/scgi;
  server {
    listen 127.0.0.1:${proxyPort};
    location / {
      proxy_pass http://127.0.0.1:${appPort};
      proxy_bind ${PROXY_ADDRESS};
      proxy_http_version 1.1;
      proxy_set_header Host $host;
      proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
      proxy_set_header X-Forwarded-Proto $scheme;
      proxy_set_header X-Forwarded-Host $host;
    }
  }
}
`,
      );
      nginx = spawn(NGINX, ['-p', dir, '-c', join(dir, 'nginx.conf')], { stdio: 'ignore' });
      for (let i = 0; i < 100; i++) {
        if (
          await get(proxyPort, '/healthz').then(
            () => true,
            () => false,
          )
        )
          break;
        await new Promise((r) => setTimeout(r, 50));
      }
    }, 120_000);

    afterAll(async () => {
      nginx?.kill();
      await app?.close();
      if (dir) rmSync(dir, { recursive: true, force: true });
    });

    const failedSignInFrom = async (port: number, headers: Record<string, string>) => {
      // The sign-in form's token is a double-submit cookie given with the page.
      const form = await get(port, '/admin/sign-in', headers);
      const cookie = [form.headers['set-cookie'] ?? []]
        .flat()
        .map((c) => c.split(';')[0])
        .join('; ');
      const csrf = /name="_csrf" value="([^"]+)"/.exec(form.body)![1]!;
      const sent = await get(
        port,
        '/admin/sign-in',
        {
          ...headers,
          Cookie: cookie,
          Origin: PUBLIC_URL,
          'Content-Type': 'application/x-www-form-urlencoded',
        },
        'POST',
        new URLSearchParams({
          _csrf: csrf,
          email: 'nobody@example.org',
          password: 'x',
          code: '000000',
        }).toString(),
      );
      expect(sent.body).toContain('Those details did not sign you in.');
      const [last] = await ctx.repos.audit.list({ action: 'auth.sign-in.failed', limit: 1 });
      return last?.ip;
    };

    it('records the address nginx saw, not nginx’s, and ignores the address a client claims', async () => {
      const before = (await ctx.repos.audit.list({ action: 'auth.sign-in.failed' })).length;
      // Through nginx: the client's own X-Forwarded-For is kept by nginx, which appends the
      // address it saw; only that last hop is believed.
      expect(await failedSignInFrom(proxyPort, { 'X-Forwarded-For': '203.0.113.7' })).toBe(
        '127.0.0.1',
      );
      // Straight to the archive, from an address that is not a trusted proxy: the header is
      // ignored.
      expect(await failedSignInFrom(appPort, { 'X-Forwarded-For': '203.0.113.7' })).toBe(
        '127.0.0.1',
      );
      expect((await ctx.repos.audit.list({ action: 'auth.sign-in.failed' })).length).toBe(
        before + 2,
      );
    });

    it('keeps PUBLIC_URL the authority for links whatever Host the proxy passes on', async () => {
      const page = await get(proxyPort, FLOOD, {
        Host: 'evil.example',
        'X-Forwarded-Host': 'evil.example',
      });
      expect(page.status).toBe(200);
      expect(page.body).toContain(`<link rel="canonical" href="${PUBLIC_URL}${FLOOD}"`);
      expect(page.body).not.toContain('evil.example');
    });

    it('passes on the headers a cache needs, and answers a revalidation with 304', async () => {
      const page = await get(proxyPort, FLOOD, { 'Accept-Encoding': 'br' });
      expect(page.headers['cache-control']).toBe('public, max-age=0, must-revalidate');
      expect(page.headers.vary).toMatch(/Accept-Encoding/i);
      const etag = String(page.headers.etag);
      expect(etag).toMatch(/^(W\/)?"/);
      const again = await get(proxyPort, FLOOD, {
        'Accept-Encoding': 'br',
        'If-None-Match': etag,
      });
      expect(again.status).toBe(304);
    });
  },
  { skip: !existsSync(NGINX) },
);
