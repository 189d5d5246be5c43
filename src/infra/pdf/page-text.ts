/** A text item as pdf.js reports it, reduced to what page text needs. */
export interface TextPiece {
  str: string;
  hasEOL: boolean;
  /** pdf.js's text matrix; its last two numbers place the piece on the page. */
  transform?: readonly number[];
  /** How wide the piece is drawn, in the page's units. */
  width?: number;
}

// C0 control characters other than tab and line feed, and DEL. PDFs whose fonts lack a Unicode
// map often yield glyph numbers in this range (one of them standing for the space); stored as
// they are, they would glue words together and poison the search index.
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f]/g;

/** A Hangul syllable (or jamo): Korean is written in these, and may wrap between any two. */
const HANGUL = /[\u1100-\u11ff\u3130-\u318f\uac00-\ud7a3]/;

interface Line {
  text: string;
  /** Where the line's drawn text ends on the page, when pdf.js says where its pieces stand. */
  right: number | null;
  /** How wide the line's first character is drawn, estimated from its first piece. */
  firstWidth: number | null;
}

/**
 * Joins pdf.js's text items into the page's text: a line break where pdf.js saw the end of a
 * line, control characters turned into spaces, runs of spaces collapsed and blank lines dropped.
 * Text drawn twice at the same spot (fake bold, a layer repeated on top of itself) is kept once,
 * as readers and pdftotext see it once.
 *
 * Korean may wrap inside a word (보|고서다): a line that ends in Hangul close enough to the text's
 * right edge that the next line's first syllable could not have fit runs on into it without a
 * break, as a reader reads it; read as a space, the break would split the word in snippets
 * ("보 고서다") and in the index.
 */
export function pageText(pieces: Iterable<TextPiece>): string {
  const lines: Line[] = [];
  let line: Line = { text: '', right: null, firstWidth: null };
  const seen = new Set<string>();
  for (const p of pieces) {
    const at = p.transform;
    const key =
      at && p.str.trim() !== ''
        ? `${Math.round(at[4] ?? 0)},${Math.round(at[5] ?? 0)}:${p.str}`
        : null;
    if (key === null || !seen.has(key)) {
      if (key !== null) seen.add(key);
      line.text += p.str;
      if (at && p.width !== undefined && p.str.trim() !== '') {
        const x = at[4] ?? 0;
        line.right = Math.max(line.right ?? -Infinity, x + p.width);
        line.firstWidth ??= p.width / Math.max(1, [...p.str].length);
      }
    }
    if (p.hasEOL) {
      lines.push(line);
      line = { text: '', right: null, firstWidth: null };
    }
  }
  lines.push(line);
  const edge = Math.max(...lines.map((l) => l.right ?? -Infinity));
  let raw = '';
  lines.forEach((l, i) => {
    raw += l.text;
    const next = lines[i + 1];
    if (!next) return;
    raw += wrapsInsideWord(l, next, edge) ? '' : '\n';
  });
  return raw
    .replace(CONTROL, ' ')
    .split('\n')
    .map((text) => text.replace(/[ \t\u00a0]+/g, ' ').trim())
    .filter((text) => text !== '')
    .join('\n');
}

function wrapsInsideWord(line: Line, next: Line, edge: number): boolean {
  if (line.text !== line.text.trimEnd() || next.text !== next.text.trimStart()) return false;
  const last = [...line.text].at(-1) ?? '';
  const first = [...next.text][0] ?? '';
  // Hangul on one side of the break, a letter or digit on the other (보|고서다, 제12|호).
  const hangul = HANGUL.test(last) ? WORD.test(first) : HANGUL.test(first) && WORD.test(last);
  if (!hangul || line.right === null || next.firstWidth === null) return false;
  // The next line's first character would have fit: the line broke where a space stood. Half a
  // point of slack for rounding in the drawn positions.
  if (edge - line.right >= next.firstWidth + 0.5) return false;
  // A line broken at a space fills the line as closely as one broken inside a word, when the
  // writer may break Korean anywhere; what tells them apart is the words. A line that ends in a
  // particle or an ending (…범죄자와 | 함께) most likely ended a word, unless the next line
  // starts with a particle of its own (교화소에 | 는).
  const nextWord = /^[\p{L}\p{N}]+/u.exec(next.text)?.[0] ?? '';
  return !WORD_FINAL.has(last) || PARTICLES.has(nextWord);
}

const WORD = /[\p{L}\p{N}]/u;

/** Syllables that most often end a Korean word: particles and verb endings. */
const WORD_FINAL = new Set([...'은는이가을를에의와과도로서다고며면만게께나야요지한된할될인적']);

/** Particles and endings written on to the word before them. */
const PARTICLES = new Set([
  ...'은는이가을를에의와과도로만다',
  '으로',
  '에서',
  '에는',
  '에게',
  '에도',
  '까지',
  '부터',
  '처럼',
  '보다',
  '이다',
  '였다',
  '와는',
  '과는',
]);
