import { describe, expect, it } from 'vitest';
import { readTesseractTsv } from './tesseract-tsv.ts';

const HEADER =
  'level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext';
/** A word row: line, left edge, width, height (30: a 12-point line at 200 dpi), confidence, text. */
const word = (line: number, left: number, width: number, conf: number, text: string) =>
  `5\t1\t1\t1\t${line}\t1\t${left}\t100\t${width}\t30\t${conf}\t${text}`;

describe("reading tesseract's TSV", () => {
  it('joins the pieces of a Korean word that tesseract boxed apart, and keeps spaces between words', () => {
    const tsv = [
      HEADER,
      '1\t1\t0\t0\t0\t0\t0\t0\t1654\t900\t-1\t',
      word(1, 0, 60, 91, '전직'),
      word(1, 73, 30, 88, '수'),
      word(1, 107, 30, 90, '감'),
      word(1, 142, 30, 92, '자'),
      word(1, 174, 60, 95, '들은'),
      word(1, 244, 30, 89, '조'),
      word(2, 0, 90, 96, 'Jongo-ri'),
      word(2, 102, 40, 94, '교'),
    ].join('\n');
    const read = readTesseractTsv(tsv);
    expect(read.text).toBe('전직 수감자들은 조\nJongo-ri 교');
    expect(read.words).toBe(8);
    expect(read.confidence).toBeCloseTo(91.9, 1);
  });

  it('keeps no layout rows, empty words or words without a confidence', () => {
    const tsv = [
      HEADER,
      word(1, 0, 40, -1, ''),
      word(1, 50, 40, -1, 'x'),
      word(1, 100, 40, 80, ' '),
    ].join('\n');
    expect(readTesseractTsv(tsv)).toEqual({ text: '', confidence: 0, words: 0 });
  });
});
