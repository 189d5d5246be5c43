import type { RecognizedText } from '../../core/ocr-ports.ts';

/**
 * Reads tesseract's TSV output (one row per page, block, paragraph, line and word, with the
 * word's confidence) into text and a confidence. Words with a negative confidence are layout
 * rows, not words; empty words are dropped.
 */
export function readTesseractTsv(tsv: string): RecognizedText {
  const paragraphs = new Map<string, Map<string, Box[]>>();
  let confidenceSum = 0;
  let words = 0;
  for (const row of tsv.split('\n').slice(1)) {
    const cells = row.split('\t');
    if (cells.length < 12 || cells[0] !== '5') continue;
    const confidence = Number(cells[10]);
    const word = cells.slice(11).join('\t').trim();
    if (!word || !(confidence >= 0)) continue;
    const paragraph = `${cells[1]}.${cells[2]}.${cells[3]}`;
    const lines = paragraphs.get(paragraph) ?? new Map<string, Box[]>();
    paragraphs.set(paragraph, lines);
    const line = lines.get(cells[4]!) ?? [];
    lines.set(cells[4]!, line);
    line.push({
      word,
      left: Number(cells[6]),
      right: Number(cells[6]) + Number(cells[8]),
      height: Number(cells[9]),
    });
    confidenceSum += confidence;
    words++;
  }
  const text = [...paragraphs.values()]
    .map((lines) => [...lines.values()].map(joinWords).join('\n'))
    .join('\n\n');
  return { text, confidence: words ? Math.round((confidenceSum / words) * 10) / 10 : 0, words };
}

interface Box {
  word: string;
  left: number;
  right: number;
  height: number;
}

const HANGUL_END = /\p{Script=Hangul}$/u;
const HANGUL_START = /^\p{Script=Hangul}/u;
/**
 * A gap narrower than this share of the line's typical box height is inside a Korean word:
 * measured on 12-point scans at 200 dpi, gaps inside a word stay under a fifth of the height and
 * spaces between words over three tenths.
 */
const HANGUL_JOIN_GAP = 0.27;

/**
 * Joins a line's words with spaces, except where tesseract cut one Korean word into pieces: its
 * Korean model often boxes a word's syllables separately ("수 감 자 들은" for "수감자들은"), which
 * would make the word unfindable. Pieces of Hangul closer together than a space are one word.
 */
function joinWords(boxes: Box[]): string {
  // The median, not the pair's own heights: a box now and then spans two lines' height.
  const heights = boxes.map((b) => b.height).sort((a, b) => a - b);
  const height = Math.max(heights[Math.floor(heights.length / 2)] ?? 1, 1);
  let text = '';
  boxes.forEach((box, i) => {
    const previous = boxes[i - 1];
    if (previous) {
      const gap = box.left - previous.right;
      const inWord =
        HANGUL_END.test(previous.word) &&
        HANGUL_START.test(box.word) &&
        gap < height * HANGUL_JOIN_GAP;
      if (!inWord) text += ' ';
    }
    text += box.word;
  });
  return text;
}
