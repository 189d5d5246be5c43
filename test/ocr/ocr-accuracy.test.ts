import { describe, expect, it } from 'vitest';
import {
  DEFAULT_OCR_LIMITS,
  OcrError,
  TesseractRecognizer,
} from '../../src/infra/ocr/tesseract-recognizer.ts';
import {
  characterAccuracy,
  makeScan,
  ocrAvailable,
  type ScanFont,
  type ScanStyle,
  wordAccuracy,
} from '../support/scans.ts';

/** Text written for this test (not from any publication), in the archive's two scripts. */
const ENGLISH = `The Committee for Human Rights in North Korea published a satellite imagery report on the prison camp near Jongo-ri in North Hamgyong Province. Analysts compared images taken over ten years and found new guard towers, a widened perimeter fence and fields cleared for forced labor.

Former prisoners described the camp in testimony given to the commission of inquiry. Their accounts match what the images show: the barracks, the mine entrance and the road to the execution ground.`;

const KOREAN = `북한인권위원회는 함경북도 전거리 인근 교화소에 관한 위성 사진 분석 보고서를 발표하였다. 분석가들은 십 년에 걸쳐 촬영된 사진을 비교하여 새로운 경비 초소와 넓어진 외곽 울타리, 강제 노동을 위해 개간된 밭을 확인하였다.

전직 수감자들은 조사위원회에 제출한 증언에서 수용소의 모습을 묘사하였다. 그들의 진술은 사진에 나타난 막사와 광산 입구, 처형장으로 이어지는 길과 일치한다.`;

/** Two kinds of bad scan: turned and speckled, saved as a poor JPEG. */
const STYLES: Omit<ScanStyle, 'font'>[] = [
  { skew: 1.5, noise: 0.02, jpegQuality: 35 },
  { skew: -0.8, noise: 0.01, jpegQuality: 50 },
];

const ready = ocrAvailable();

describe.skipIf(!ready && process.env.CI !== 'true')('reading scanned pages', () => {
  const recognizer = new TesseractRecognizer();

  async function measure(text: string, fonts: ScanFont[], read: 'eng' | 'kor') {
    const results: { words: number; characters: number; ms: number }[] = [];
    let seed = 1;
    for (const font of fonts) {
      for (const style of STYLES) {
        const scan = await makeScan(text, { font, ...style }, seed++);
        const started = performance.now();
        const recognized = await recognizer.recognize(scan, [read, read === 'eng' ? 'kor' : 'eng']);
        results.push({
          words: wordAccuracy(text, recognized.text),
          characters: characterAccuracy(text, recognized.text),
          ms: performance.now() - started,
        });
      }
    }
    const mean = (k: 'words' | 'characters' | 'ms') =>
      results.reduce((s, r) => s + r[k], 0) / results.length;
    return {
      words: mean('words'),
      characters: mean('characters'),
      pagesPerMinute: 60_000 / mean('ms'),
    };
  }

  it('reads at least 90% of the words of English scans in two typefaces', async () => {
    const english = await measure(ENGLISH, ['DejaVu Serif', 'DejaVu Sans'], 'eng');
    console.log(
      `OCR English: ${(english.words * 100).toFixed(1)}% of words, ${english.pagesPerMinute.toFixed(0)} pages/min`,
    );
    expect(english.words).toBeGreaterThanOrEqual(0.9);
  }, 120_000);

  it('reads at least 85% of the characters of Korean scans in two typefaces', async () => {
    const korean = await measure(KOREAN, ['Noto Sans CJK KR', 'Noto Serif CJK KR'], 'kor');
    console.log(
      `OCR Korean: ${(korean.characters * 100).toFixed(1)}% of characters, ${korean.pagesPerMinute.toFixed(0)} pages/min`,
    );
    expect(korean.characters).toBeGreaterThanOrEqual(0.85);
  }, 120_000);

  it('refuses what is not a page image, and a page that takes too long, with a clear error', async () => {
    await expect(
      recognizer.recognize(new TextEncoder().encode('not an image at all'), ['eng']),
    ).rejects.toThrow(OcrError);
    const hasty = new TesseractRecognizer({ ...DEFAULT_OCR_LIMITS, timeoutMs: 50 });
    const scan = await makeScan(ENGLISH, { font: 'DejaVu Serif', ...STYLES[0]! });
    await expect(hasty.recognize(scan, ['eng', 'kor'])).rejects.toThrow(/took too long/);
    const small = new TesseractRecognizer({ ...DEFAULT_OCR_LIMITS, maxImageBytes: 1000 });
    await expect(small.recognize(scan, ['eng'])).rejects.toThrow(/too large/);
  }, 60_000);
});
