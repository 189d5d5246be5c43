/** A text item as pdf.js reports it, reduced to what page text needs. */
export interface TextPiece {
  str: string;
  hasEOL: boolean;
  /** pdf.js's text matrix; its last two numbers place the piece on the page. */
  transform?: readonly number[];
}

// C0 control characters other than tab and line feed, and DEL. PDFs whose fonts lack a Unicode
// map often yield glyph numbers in this range (one of them standing for the space); stored as
// they are, they would glue words together and poison the search index.
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f]/g;

/**
 * Joins pdf.js's text items into the page's text: a line break where pdf.js saw the end of a
 * line, control characters turned into spaces, runs of spaces collapsed and blank lines dropped.
 * Text drawn twice at the same spot (fake bold, a layer repeated on top of itself) is kept once,
 * as readers and pdftotext see it once.
 */
export function pageText(pieces: Iterable<TextPiece>): string {
  let raw = '';
  const seen = new Set<string>();
  for (const p of pieces) {
    const at = p.transform;
    const key =
      at && p.str.trim() !== ''
        ? `${Math.round(at[4] ?? 0)},${Math.round(at[5] ?? 0)}:${p.str}`
        : null;
    if (key !== null && seen.has(key)) {
      if (p.hasEOL) raw += '\n';
      continue;
    }
    if (key !== null) seen.add(key);
    raw += p.str;
    if (p.hasEOL) raw += '\n';
  }
  return raw
    .replace(CONTROL, ' ')
    .split('\n')
    .map((line) => line.replace(/[ \t\u00a0]+/g, ' ').trim())
    .filter((line) => line !== '')
    .join('\n');
}
