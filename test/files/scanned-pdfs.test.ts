import { beforeAll, expect, it } from 'vitest';
import { createJobRunner } from '../../src/cli/job-runners.ts';
import type { WiredContext } from '../../src/context.ts';
import { searchArchive } from '../../src/features/search/search-archive.ts';
import { createApp } from '../../src/web/app.tsx';
import { describeEachDatabase } from '../support/databases.ts';
import { attachBytes, buildPublication, fixedClock, testContext } from '../support/factories.ts';
import { makeScanJpeg, ocrAvailable, scannedPdf } from '../support/scans.ts';

const KOREAN_PAGE = `전직 수감자들은 조사위원회에 제출한 증언에서 함경북도 전거리 교화소의 모습을 묘사하였다. 그들의 진술은 위성 사진에 나타난 막사와 광산 입구, 처형장으로 이어지는 길과 일치한다.`;
const ENGLISH_PAGE = `Former prisoners described the reeducation camp near Jongo-ri in testimony to the commission of inquiry. Their accounts match the barracks, the mine entrance and the road shown in the satellite images.`;

const ready = ocrAvailable();

describeEachDatabase(
  'scanned PDFs',
  (t) => {
    let ctx: WiredContext;
    let publicationId: number;
    let storedFileId: number;

    beforeAll(async () => {
      ctx = await testContext(t(), fixedClock('2026-06-01T12:00:00.000Z'));
      const style = { skew: 1, noise: 0.01, jpegQuality: 45 };
      const pdf = scannedPdf([
        await makeScanJpeg(ENGLISH_PAGE, { font: 'DejaVu Serif', ...style }, 3),
        await makeScanJpeg(KOREAN_PAGE, { font: 'Noto Sans CJK KR', ...style }, 4),
      ]);
      const piece = await buildPublication(ctx, {
        title: 'Testimony on Jongo-ri',
        status: 'published',
      });
      publicationId = piece.id;
      const { file } = await attachBytes(ctx, pdf, {
        publicationId,
        fileName: 'scanned-testimony.pdf',
        role: 'main-pdf',
      });
      storedFileId = file.id;
      await createJobRunner(ctx).drain();
    }, 120_000);

    it('finds a scanned Korean page by a Korean word, on its page', async () => {
      const result = await searchArchive(ctx, { q: '교화소', pageSize: 10 });
      const hit = result.hits.find((h) => h.publicationId === publicationId);
      expect(hit, JSON.stringify(result.hits.map((h) => h.title))).toBeDefined();
      expect(hit!.pdf[0]!.pages[0]!.page).toBe(2);
      expect(hit!.pdf[0]!.pages[0]!.recognized?.confidence).toBeGreaterThan(50);
    });

    it('finds the scanned English page by its words, on its page', async () => {
      const result = await searchArchive(ctx, { q: 'barracks mine entrance', pageSize: 10 });
      const hit = result.hits.find((h) => h.publicationId === publicationId)!;
      expect(hit.pdf[0]!.pages[0]!.page).toBe(1);
    });

    it('records which pages were recognized, and with what confidence', async () => {
      const stored = (await ctx.repos.files.findStoredFile(storedFileId))!;
      const recognized = (stored.metadata as { recognizedText?: unknown }).recognizedText;
      expect(recognized).toMatchObject({
        state: 'done',
        scanned: 2,
        engine: 'tesseract',
        pages: [
          { page: 1, confidence: expect.any(Number) },
          { page: 2, confidence: expect.any(Number) },
        ],
        unread: 0,
      });
    });

    it('says on the search page, in both languages, that a page hit is recognized text', async () => {
      const app = createApp(ctx);
      const english = await (await app.request('/search?q=%EA%B5%90%ED%99%94%EC%86%8C')).text();
      expect(english).toContain('Testimony on Jongo-ri');
      expect(english).toMatch(
        /Page 2<\/a><span class="quiet"> \(text recognized from a scan, \d+% confidence\)/,
      );
      const korean = await (await app.request('/ko/search?q=%EA%B5%90%ED%99%94%EC%86%8C')).text();
      expect(korean).toMatch(/스캔에서 인식한 글자, 신뢰도 \d+%/);
    });

    it('keeps the server answering while a long scan is read', async () => {
      const pages = [];
      for (let i = 0; i < 4; i++) {
        pages.push(
          await makeScanJpeg(
            `${ENGLISH_PAGE} Page ${i + 1}.`,
            { font: 'DejaVu Sans', skew: 0.5, noise: 0.01, jpegQuality: 50 },
            10 + i,
          ),
        );
      }
      const piece = await buildPublication(ctx, { title: 'A longer scan', status: 'published' });
      await attachBytes(ctx, scannedPdf(pages), {
        publicationId: piece.id,
        fileName: 'long-scan.pdf',
        role: 'main-pdf',
      });
      const app = createApp(ctx);
      let reading = true;
      const drained = createJobRunner(ctx)
        .drain()
        .finally(() => {
          reading = false;
        });
      // Pages are answered while the scan is still being read, page after page.
      let answeredWhileReading = 0;
      while (reading) {
        const res = await app.request('/');
        expect(res.status).toBe(200);
        if (reading) answeredWhileReading++;
        await new Promise((r) => setTimeout(r, 100));
      }
      await drained;
      expect(answeredWhileReading).toBeGreaterThan(3);
      const stored = (await ctx.repos.files.attachmentsOf([piece.id]))[0]!.file;
      expect(
        (stored.metadata as { recognizedText: { pages: unknown[] } }).recognizedText.pages,
      ).toHaveLength(4);
    }, 120_000);
  },
  { skip: !ready && process.env.CI !== 'true' },
);
