import { describe, expect, it } from 'vitest';
import { pageText, type TextPiece } from './page-text.ts';
import { readPdf } from './read-pdf.ts';
import { writeTextPdf } from './write-text-pdf.ts';

/** A piece of text drawn at (x, y), each character `em` wide. */
const piece = (str: string, x: number, y: number, hasEOL = true, em = 10): TextPiece => ({
  str,
  hasEOL,
  transform: [em, 0, 0, em, x, y],
  width: [...str].length * em,
});

describe('page text', () => {
  it('runs a Korean word wrapped at the right edge on into the next line', () => {
    const text = pageText([
      piece('위성사진을 바탕으로 평가한 보', 0, 700),
      piece('고서다.', 0, 688),
    ]);
    expect(text).toBe('위성사진을 바탕으로 평가한 보고서다.');
  });

  it('keeps the break of a Korean line that ends short of the edge, or ends a word', () => {
    // Drawn 300 wide, the lines that end at 300 fill the line; one syllable is 10 wide.
    const line = (str: string, right: number, y: number) => ({
      ...piece(str, 0, y),
      width: right,
    });
    const text = pageText([
      line('위성사진을 바탕으로 평가한', 300, 712),
      line('보고서', 250, 700),
      line('교화소에는 수천 명이 일반 범죄자와', 300, 688),
      line('함께 수감된 곳이며 그 교화소에', 300, 676),
      line('는 정치범이 있다', 200, 664),
    ]);
    expect(text.split('\n')).toEqual([
      // Ends in a particle: the line broke between words.
      '위성사진을 바탕으로 평가한',
      // Ends short of the edge.
      '보고서',
      '교화소에는 수천 명이 일반 범죄자와',
      // A particle wrapped on to the next line is its word's.
      '함께 수감된 곳이며 그 교화소에는 정치범이 있다',
    ]);
  });

  it('runs a number and its Hangul counter on across a break (제12|호)', () => {
    const text = pageText([
      piece('홍수 피해를 입은 교화소는 제12', 0, 700),
      piece('호 교화소다', 0, 688),
    ]);
    expect(text).toBe('홍수 피해를 입은 교화소는 제12호 교화소다');
  });

  it('keeps the break between Latin lines, however full', () => {
    expect(pageText([piece('Flooding at Jongo', 0, 700), piece('ri was severe', 0, 688)])).toBe(
      'Flooding at Jongo\nri was severe',
    );
  });

  it('reads a Korean PDF without splitting its words where lines wrap', async () => {
    const paragraph =
      '북한인권위원회와 위성영상 전문 기업 올소스 애널리시스가 위성사진을 바탕으로 함경북도 ' +
      '전거리의 제12호 교화소가 입은 홍수 피해를 신속하게 평가한 보고서다. 이 교화소에는 ' +
      '수천 명의 정치범이 일반 범죄자와 함께 수감되어 있다. 위성사진 분석은 외부인의 접근이 ' +
      '막힌 시설의 상황을 살필 수 있는 몇 안 되는 방법이며, 북한인권 기록 작업에서 중요한 ' +
      '역할을 한다.';
    const bytes = await writeTextPdf({ title: '시험', language: 'ko', pages: [paragraph] });
    const { pages } = await readPdf(new Uint8Array(bytes), {
      thumbnailWidth: null,
      maxTextChars: 100_000,
    });
    const read = pages[0]!.replace(/\n/g, ' ');
    // The paragraph wraps over several lines, some inside a word.
    expect(pages[0]!.split('\n').length).toBeGreaterThan(2);
    for (const word of paragraph.split(' ')) expect(read, word).toContain(word);
  }, 60_000);
});
