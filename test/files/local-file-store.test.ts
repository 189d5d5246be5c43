import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ValidationError } from '../../src/core/errors.ts';
import { LocalFileStore } from '../../src/infra/files/local-file-store.ts';
import { writeTextPdf } from '../../src/infra/pdf/write-text-pdf.ts';

const root = mkdtempSync(join(tmpdir(), 'dossier-files-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

async function* chunks(...parts: Uint8Array[]): AsyncIterable<Uint8Array> {
  for (const p of parts) yield p;
}

async function readAll(it: AsyncIterable<Uint8Array>): Promise<Buffer> {
  const out: Buffer[] = [];
  for await (const c of it) out.push(Buffer.from(c));
  return Buffer.concat(out);
}

describe('the local file store', () => {
  const store = new LocalFileStore(root);

  it('stores a PDF under its SHA-256 and reads it back, whole or by range', async () => {
    const pdf = await writeTextPdf({ title: 'Jongo-ri', pages: ['전거리 Chŏn’gŏ-ri'] });
    const blob = await store.put(chunks(pdf.subarray(0, 10), pdf.subarray(10)));
    expect(blob.mediaType).toBe('application/pdf');
    expect(blob.byteSize).toBe(pdf.byteLength);
    expect((await readAll(store.read(blob.sha256))).equals(pdf)).toBe(true);
    expect((await readAll(store.read(blob.sha256, { start: 0, end: 4 }))).toString()).toBe('%PDF-');
    expect(await store.verify(blob.sha256)).toBe('ok');
  });

  it('keeps the same bytes once', async () => {
    const pdf = await writeTextPdf({ title: 'Same', pages: ['same'] });
    const a = await store.put(chunks(pdf));
    const b = await store.put(chunks(pdf));
    expect(a.sha256).toBe(b.sha256);
  });

  it('refuses a file whose bytes are not an allowed type, whatever its name', async () => {
    await expect(store.put(chunks(Buffer.from('<html><script>alert(1)</script>')))).rejects.toThrow(
      ValidationError,
    );
  });

  it('stops reading at the size limit and keeps no partial file', async () => {
    const big = Buffer.alloc(64 * 1024, 0x20);
    big.write('%PDF-1.7', 0);
    await expect(store.put(chunks(big, big, big), { maxBytes: 100_000 })).rejects.toThrow(
      /larger than/,
    );
    expect(readdirSync(join(root, 'tmp'))).toEqual([]);
  });

  it('reports a stored file whose bytes changed or vanished', async () => {
    const pdf = await writeTextPdf({ title: 'Fixity', pages: ['fixity'] });
    const blob = await store.put(chunks(pdf));
    writeFileSync(store.pathOf(blob.sha256), 'tampered');
    expect(await store.verify(blob.sha256)).toBe('changed');
    rmSync(store.pathOf(blob.sha256));
    expect(await store.verify(blob.sha256)).toBe('missing');
  });

  it('refuses to build a path from anything but a hash', () => {
    expect(() => store.pathOf('../../etc/passwd')).toThrow(ValidationError);
  });
});
