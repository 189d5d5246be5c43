import { spawn } from 'node:child_process';
import { setTimeout as delay } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { UnreadablePdfError } from '../../src/core/errors.ts';
import { partRanges } from '../../src/infra/pdf/pdf-parts.ts';
import { PdfSandbox } from '../../src/infra/pdf/pdf-sandbox.ts';
import { writeTextPdf } from '../../src/infra/pdf/write-text-pdf.ts';
import {
  damagedPdf,
  decompressionBomb,
  imageBomb,
  passwordProtectedPdf,
} from '../support/hostile-pdfs.ts';
import { LEAKS, leakyPdf } from '../support/leaky-pdf.ts';
import { isAlive } from '../support/processes.ts';

const sandbox = new PdfSandbox({ workers: 2 });
afterAll(() => sandbox.close());

const WEBP = [0x52, 0x49, 0x46, 0x46];

describe('the PDF sandbox', () => {
  it('reads accented romanizations and Hangul back from a PDF it did not make', async () => {
    const pdf = await writeTextPdf({
      title: '정치범수용소 Political Prison Camps',
      author: 'David Hawk',
      language: 'ko',
      pages: [
        '북한의 정치범수용소에 대한 증언은 탈북자들의 기억에서 나온다. 전거리 교화소와 요덕 수용소의 생활은 강제 노동과 굶주림으로 이루어져 있었다. 수감자들은 새벽부터 밤까지 일했다. 위성사진은 감시탑과 막사가 새로 지어졌음을 보여준다. 국제사회는 이 수용소들의 폐쇄를 요구해 왔으며, 유엔 조사위원회는 반인도범죄가 저질러졌다고 결론지었다.',
        'Chŏn’gŏ-ri, Hamgyŏng-bukto, Yodŏk: the McCune–Reischauer spellings survive the round trip.',
      ],
    });
    const result = await sandbox.extract(new Uint8Array(pdf));
    expect(result.pageCount).toBe(2);
    expect(result.pages[0]).toContain('정치범수용소');
    expect(result.pages[0]).toContain('전거리 교화소와 요덕 수용소의');
    expect(result.pages[1]).toContain('Chŏn’gŏ-ri, Hamgyŏng-bukto, Yodŏk');
    expect(result.metadata).toMatchObject({
      title: '정치범수용소 Political Prison Camps',
      author: 'David Hawk',
      producer: expect.stringMatching(/PDFKit/),
      creationDate: '2020-01-01T00:00:00.000Z',
      declaredLanguage: 'ko',
      detectedLanguage: 'ko',
    });
    expect(result.thumbnail?.width).toBe(320);
    expect([...(result.thumbnail?.bytes.subarray(0, 4) ?? [])]).toEqual(WEBP);
  });

  it('reads a long PDF in parts across its children and gives back every page in order', async () => {
    const pageCount = 61;
    const pdf = await writeTextPdf({
      title: 'A long report',
      pages: Array.from(
        { length: pageCount },
        (_, i) =>
          `Page marker ${i + 1}. The regime holds people in political prison camps, where forced labour and starvation are routine, and the world has been slow to respond.`,
      ),
    });
    const before = sandbox.spawned;
    const result = await sandbox.extract(new Uint8Array(pdf));
    expect(result.pageCount).toBe(pageCount);
    expect(result.pages).toHaveLength(pageCount);
    for (const [i, text] of result.pages.entries()) expect(text).toContain(`Page marker ${i + 1}.`);
    expect(result.metadata).toMatchObject({ title: 'A long report', detectedLanguage: 'en' });
    expect(result.thumbnail?.width).toBe(320);
    expect(result).not.toHaveProperty('firstPage');
    // Both children took part: the second started for the tail if it was not running already.
    expect(sandbox.childPids().length + (sandbox.spawned - before)).toBeGreaterThanOrEqual(2);
  });

  it('starts its children before the first file when warmed, and reads with them', async () => {
    const warmed = new PdfSandbox({ workers: 2 });
    try {
      warmed.warm();
      expect(warmed.spawned).toBe(2);
      const pdf = await writeTextPdf({ title: 'Warm', pages: ['Yodŏk'] });
      const result = await warmed.extract(new Uint8Array(pdf), { thumbnailWidth: null });
      expect(result.pages[0]).toContain('Yodŏk');
      expect(warmed.spawned).toBe(2);
    } finally {
      await warmed.close();
    }
  });

  it('splits the pages after the first part into runs worth a child each', () => {
    expect(partRanges(25, 61, 2)).toEqual([
      { from: 25, to: 43 },
      { from: 44, to: 61 },
    ]);
    expect(partRanges(25, 30, 2)).toEqual([{ from: 25, to: 30 }]);
    expect(partRanges(25, 376, 1)).toEqual([{ from: 25, to: 376 }]);
  });

  it('tells English text from Korean', async () => {
    const pdf = await writeTextPdf({
      title: 'Hidden Gulag',
      pages: [
        'The North Korean regime holds between eighty and one hundred and twenty thousand people in political prison camps, where forced labour, starvation and executions are routine.',
      ],
    });
    const result = await sandbox.extract(new Uint8Array(pdf), { thumbnailWidth: null });
    expect(result.metadata.detectedLanguage).toBe('en');
    expect(result.thumbnail).toBeNull();
  });

  it('refuses a password-protected PDF with a sentence an editor can act on', async () => {
    const error = await sandbox
      .extract(new Uint8Array(await passwordProtectedPdf()))
      .catch((e) => e);
    expect(error).toBeInstanceOf(UnreadablePdfError);
    expect(error).toMatchObject({ reason: 'encrypted', permanent: true });
    expect(error.message).toMatch(/protected by a password/);
  });

  it('refuses a damaged file', async () => {
    const error = await sandbox.extract(new Uint8Array(damagedPdf())).catch((e) => e);
    expect(error).toMatchObject({ reason: 'malformed' });
    expect(error.message).toMatch(/damaged or is not a valid PDF/);
  });

  it('stops a decompression bomb at the memory limit, stays small itself, and reads the next file', async () => {
    // A lower limit than the default trips sooner; the mechanism is the same.
    const small = new PdfSandbox({ workers: 1, memoryBytes: 768 * 1024 * 1024 });
    try {
      const bomb = decompressionBomb(1024 ** 3);
      expect(bomb.byteLength).toBeLessThan(2 * 1024 * 1024);
      const started = Date.now();
      const error = await small.extract(new Uint8Array(bomb)).catch((e) => e);
      expect(error).toMatchObject({ reason: 'memory', permanent: true });
      expect(error.message).toMatch(/memory limit of 768\.0 MB/);
      expect(Date.now() - started).toBeLessThan(small.timeoutMs);
      // The bomb went off in the child; this process never held more than the file itself.
      expect(process.memoryUsage().rss).toBeLessThan(700 * 1024 * 1024);
      const next = await small.extract(
        new Uint8Array(await writeTextPdf({ title: 'After', pages: ['still working'] })),
      );
      expect(next.pages[0]).toContain('still working');
    } finally {
      await small.close();
    }
  }, 90_000);

  it('reads a PDF whose image is a bomb without letting the drawing exceed the limit', async () => {
    const result = await sandbox.extract(new Uint8Array(imageBomb()));
    expect(result.pageCount).toBe(1);
    // pdf.js either gives up on the image (and draws the page without it) or the drawing
    // fails; either way the file is read and the child stayed within its limit.
    expect(result.thumbnail !== null || typeof result.thumbnailError === 'string').toBe(true);
    expect(sandbox.peakChildRssBytes).toBeLessThanOrEqual(sandbox.memoryBytes);
  });

  it('kills a child that overruns the time limit and names the limit', async () => {
    const hasty = new PdfSandbox({ workers: 1, timeoutMs: 1 });
    try {
      const pdf = await writeTextPdf({ title: 'Slow', pages: Array(30).fill('page of text') });
      const error = await hasty.extract(new Uint8Array(pdf)).catch((e) => e);
      expect(error).toMatchObject({ reason: 'timeout', permanent: true });
      expect(error.message).toMatch(/longer than its limit of 0 seconds/);
      expect(hasty.childPids()).toEqual([]);
    } finally {
      await hasty.close();
    }
  });

  it('removes the author, tools, XMP and identifier from a PDF and keeps its title and text', async () => {
    const original = await leakyPdf();
    expect(original.includes(LEAKS.author)).toBe(true);
    const stripped = await sandbox.stripMetadata(new Uint8Array(original));
    expect(stripped.removed).toEqual(
      expect.arrayContaining(['Author', 'Creator', 'Producer', 'XMP', 'CreationDate']),
    );
    const bytes = Buffer.from(stripped.bytes);
    for (const leak of Object.values(LEAKS)) expect(bytes.includes(leak)).toBe(false);
    expect(bytes.includes('pdf-lib')).toBe(false);
    const reread = await sandbox.extract(stripped.bytes, { thumbnailWidth: null });
    expect(reread.metadata).toMatchObject({
      title: 'Camp 25 Satellite Update',
      author: null,
      creator: null,
      producer: null,
      hasXmp: false,
    });
    expect(reread.pages[0]).toContain('Chŏngŏ-ri, 전거리');
  });

  it('refuses to rewrite a password-protected PDF', async () => {
    const error = await sandbox
      .stripMetadata(new Uint8Array(await passwordProtectedPdf()))
      .catch((e) => e);
    expect(error).toMatchObject({ reason: 'encrypted' });
  });

  it('takes its children down with it when it is killed', async () => {
    const script = fileURLToPath(new URL('../support/sandbox-victim.ts', import.meta.url));
    const parent = spawn(process.execPath, ['--import', 'tsx', script], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    parent.stdout.on('data', (d) => (out += d));
    for (let i = 0; i < 200 && !out.includes('\n'); i++) await delay(50);
    const pids = out.trim().split(',').map(Number).filter(Boolean);
    expect(pids.length).toBeGreaterThan(0);
    expect(pids.every(isAlive)).toBe(true);
    parent.kill('SIGKILL');
    for (let i = 0; i < 100 && pids.some(isAlive); i++) await delay(50);
    expect(pids.filter(isAlive)).toEqual([]);
  });
});
