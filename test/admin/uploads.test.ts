import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppContext } from '../../src/core/app-context.ts';
import type { createApp } from '../../src/web/app.tsx';
import { Browserish, makeStaff } from '../support/admin-session.ts';
import { describeEachDatabase } from '../support/databases.ts';
import { buildPublication, type fixedClock } from '../support/factories.ts';
import { backOffice } from './back-office-support.ts';

const MiB = 1024 * 1024;
const BOUNDARY = '----dossier-upload-test';

interface Server {
  port: number;
  origin: string;
  cookie: string;
  csrf: string;
  publicationId: number;
}

/** The parts of a multipart upload around the file's bytes, in the order the form sends them. */
function uploadParts(fields: Array<[string, string]>, fileName: string) {
  const head =
    fields
      .map(
        ([name, value]) =>
          `--${BOUNDARY}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`,
      )
      .join('') +
    `--${BOUNDARY}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\n` +
    'Content-Type: application/pdf\r\n\r\n';
  return { head: Buffer.from(head), tail: Buffer.from(`\r\n--${BOUNDARY}--\r\n`) };
}

/** A PDF's signature, then spaces: the store accepts it by its first bytes. */
function* pdfBytes(size: number): Generator<Buffer> {
  const first = Buffer.alloc(Math.min(size, MiB), 0x20);
  first.write('%PDF-1.7\n');
  yield first;
  const filler = Buffer.alloc(MiB, 0x20);
  for (let sent = first.byteLength; sent < size; sent += MiB)
    yield size - sent >= MiB ? filler : filler.subarray(0, size - sent);
}

describe('uploading to the back office', () => {
  const dir = mkdtempSync(join(tmpdir(), 'dossier-upload-'));
  const filesDir = join(dir, 'files');
  let child: ChildProcess;
  let server: Server;

  beforeAll(async () => {
    // The flags `npm start` gives the server.
    child = spawn(
      process.execPath,
      [
        '--max-semi-space-size=8',
        '--max-old-space-size=1024',
        '--import',
        'tsx',
        'test/support/upload-server.ts',
        dir,
      ],
      { stdio: ['ignore', 'pipe', 'inherit'] },
    );
    const [line] = await createInterface({ input: child.stdout! })
      [Symbol.asyncIterator]()
      .next()
      .then((r) => [r.value as string]);
    server = JSON.parse(line!) as Server;
  }, 60_000);

  afterAll(() => {
    child?.kill('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  });

  /** Posts an upload of `size` bytes; `cutAfter` stops sending after that many and drops the connection. */
  function upload(
    size: number,
    options: { chunked?: boolean; cutAfter?: number; fileName?: string } = {},
  ): Promise<{ status: number; body: string } | 'cut'> {
    const { head, tail } = uploadParts(
      [
        ['_csrf', server.csrf],
        ['role', 'supplement'],
      ],
      options.fileName ?? 'large.pdf',
    );
    return new Promise((resolve, reject) => {
      const req = request({
        host: '127.0.0.1',
        port: server.port,
        method: 'POST',
        path: `/admin/publications/${server.publicationId}/files`,
        headers: {
          Origin: server.origin,
          Cookie: server.cookie,
          'Content-Type': `multipart/form-data; boundary=${BOUNDARY}`,
          ...(options.chunked
            ? {}
            : { 'Content-Length': String(head.byteLength + size + tail.byteLength) }),
        },
      });
      req.on('response', (res) => {
        let body = '';
        res.on('data', (d) => (body += d));
        res.on('end', () => resolve({ status: res.statusCode!, body }));
      });
      req.on('error', (error) => {
        if (!req.destroyed || options.cutAfter === undefined) reject(error);
      });
      const send = async () => {
        const write = (chunk: Buffer) =>
          req.write(chunk) ? Promise.resolve() : new Promise((r) => req.once('drain', r));
        await write(head);
        let sent = 0;
        for (const chunk of pdfBytes(size)) {
          if (req.destroyed) return;
          await write(chunk);
          sent += chunk.byteLength;
          if (options.cutAfter !== undefined && sent >= options.cutAfter) {
            // The server is storing the file by now; then the client goes away.
            await waitFor(() => readdirSync(join(filesDir, 'tmp')).length > 0);
            req.destroy();
            resolve('cut');
            return;
          }
        }
        req.end(tail);
      };
      send().catch(reject);
    });
  }

  const memory = (field: 'VmHWM' | 'VmRSS') => {
    const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
    return Number(new RegExp(`${field}:\\s+(\\d+) kB`).exec(status)![1]) * 1024;
  };
  const storedBlobs = () =>
    readdirSync(filesDir, { recursive: true, withFileTypes: true }).filter(
      (e) => e.isFile() && !e.parentPath.endsWith('tmp'),
    ).length;
  const tmpFiles = () => readdirSync(join(filesDir, 'tmp')).length;
  const attachmentRows = async () => {
    const SQLite = (await import('better-sqlite3')).default;
    const db = new SQLite(join(dir, 'dossier.db'), { readonly: true });
    try {
      return (db.prepare('select count(*) as n from attachments').get() as { n: number }).n;
    } finally {
      db.close();
    }
  };

  it('streams a 150 MB file to the store without holding it in memory', async () => {
    // Warm up the route once, so that loading its code is not counted.
    expect(await upload(64 * 1024, { fileName: 'small.pdf' })).toMatchObject({ status: 303 });
    const before = memory('VmRSS');
    // Resets the peak (VmHWM) to the current size, so that it shows this upload's peak alone.
    writeFileSync(`/proc/${child.pid}/clear_refs`, '5');

    expect(await upload(150 * MiB)).toMatchObject({ status: 303 });

    // Read whole (and copied for the CSRF check), the body added several times its size.
    // Streamed, what remains is chunks that the collector has not freed yet, which V8 frees in
    // bulk once they add up to tens of megabytes: never near the file's own size.
    expect(memory('VmHWM') - before).toBeLessThan(96 * MiB);
    expect(await attachmentRows()).toBe(2);
  }, 120_000);

  it('keeps no file and no row from an upload that is cut off or goes past 200 MB', async () => {
    const blobs = storedBlobs();
    const rows = await attachmentRows();

    expect(await upload(100 * MiB, { cutAfter: 20 * MiB, fileName: 'cut.pdf' })).toBe('cut');
    await waitFor(() => tmpFiles() === 0);

    const tooLarge = await upload(201 * MiB, { chunked: true, fileName: 'huge.pdf' });
    expect(tooLarge).toMatchObject({ status: 413, body: 'The file is larger than 200 MB.' });
    expect(tmpFiles()).toBe(0);

    expect(storedBlobs()).toBe(blobs);
    expect(await attachmentRows()).toBe(rows);
  }, 120_000);
});

async function waitFor(condition: () => boolean, ms = 20_000): Promise<void> {
  const until = Date.now() + ms;
  while (!condition()) {
    if (Date.now() > until) throw new Error('timed out waiting');
    await sleep(20);
  }
}

describeEachDatabase('what a back-office body must carry, and how large it may be', (db) => {
  let ctx: AppContext;
  let app: ReturnType<typeof createApp>;
  let clock: ReturnType<typeof fixedClock>;

  beforeAll(async () => {
    ({ ctx, app, clock } = await backOffice(db()));
  });

  it('takes an upload only when its first field is the CSRF token', async () => {
    const account = await makeStaff(ctx, 'editor');
    clock.set('2026-06-01T12:01:00.000Z');
    const b = new Browserish(app, ctx.config.publicUrl);
    expect((await b.signIn(account, ctx)).status).toBe(303);
    const piece = await buildPublication(ctx, { status: 'draft', publishedAt: null });
    const page = await (await b.request(`/admin/publications/${piece.id}`)).text();
    const csrf = /name="_csrf" value="([^"]+)"/.exec(page)![1]!;
    const pdf = new File(['%PDF-1.7\n', 'x'.repeat(4096)], 'annex.pdf', {
      type: 'application/pdf',
    });
    const post = (fields: Array<[string, string | File]>) => {
      const form = new FormData();
      for (const [k, v] of fields) form.append(k, v);
      return b.request(`/admin/publications/${piece.id}/files`, { method: 'POST', body: form });
    };

    expect((await post([['file', pdf]])).status).toBe(403);
    expect(
      (
        await post([
          ['_csrf', 'not-the-token'],
          ['file', pdf],
        ])
      ).status,
    ).toBe(403);
    expect(
      (
        await post([
          ['file', pdf],
          ['_csrf', csrf],
        ])
      ).status,
    ).toBe(403);
    expect(await ctx.repos.files.attachmentsOf([piece.id])).toHaveLength(0);

    const ok = await post([
      ['_csrf', csrf],
      ['role', 'main-pdf'],
      ['file', pdf],
    ]);
    expect(ok.status).toBe(303);
    const [attached] = await ctx.repos.files.attachmentsOf([piece.id]);
    expect(attached).toMatchObject({ fileName: 'annex.pdf', role: 'main-pdf' });
  });

  it('refuses a sign-in or set-up form over 16 KB with a 413 that says so', async () => {
    const b = new Browserish(app, ctx.config.publicUrl);
    for (const path of ['/admin/sign-in', '/admin/setup/some-token/password']) {
      const res = await b.submit('/admin/sign-in', path, {
        email: 'someone@example.org',
        password: 'p'.repeat(17 * 1024),
      });
      expect(res.status).toBe(413);
      expect(await res.text()).toContain('larger than 16 KB');
    }
    const small = await b.submit('/admin/sign-in', '/admin/sign-in', {
      email: 'someone@example.org',
      password: 'p'.repeat(12 * 1024),
    });
    expect(small.status).toBe(403);
  });
});
