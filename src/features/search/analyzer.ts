import { stemmer } from 'stemmer';
import type { Unit } from '../../core/gazetteer.ts';

export type { Unit };

/**
 * The one analyzer both search backends see: folding, word splitting, Hangul bigrams and
 * stemming happen here, in TypeScript, so SQLite FTS5 and PostgreSQL index and query exactly the
 * same tokens. A backend only stores and matches the strings this module hands it.
 */

export interface Token {
  text: string;
  start: number;
  end: number;
  chunk: number;
}

/** Tokens longer than this are noise (base64, URLs run together) and are left out. */
export const MAX_TOKEN_LENGTH = 64;

// Runs of letters, digits and marks. In-word apostrophes join runs into one word (McCune–
// Reischauer: Chŏn'gŏ-ri, Ch'ŏngjin); hyphens join words into a compound (Kyo-hwa-so).
const RUN = /[\p{L}\p{N}\p{M}]+/gu;
const APOSTROPHE_CHARS = "'’ʼ‘`´";
const HYPHEN_CHARS = '-‐‑';
// Scripts written without spaces between words inside a run, indexed as overlapping bigrams.
const CJK = /[\p{Script=Hangul}\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u;
const CJK_RUNS =
  /[\p{Script=Hangul}\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]+|[^\p{Script=Hangul}\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]+/gu;
/** Anything from Hangul Jamo up: only such text can hold CJK. */
const HAS_WIDE = /[\u1100-\uffff]|[\ud800-\udbff]/;
const MARKS = /\p{M}/gu;
// Letters that Unicode decomposition leaves whole but readers treat as plain Latin letters.
const SPECIAL: Record<string, string> = {
  ø: 'o',
  æ: 'ae',
  œ: 'oe',
  ß: 'ss',
  đ: 'd',
  ð: 'd',
  ł: 'l',
  ı: 'i',
  þ: 'th',
};
const SPECIAL_RE = /[øæœßđðłıþ]/g;
// biome-ignore lint/suspicious/noControlCharactersInRegex: the whole ASCII range
const ASCII = /^[\u0000-\u007f]*$/;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Case and diacritic folding: "Hamgyŏng" and "HAMGYONG" both become "hamgyong". */
export function foldLatin(text: string): string {
  // Most words are plain ASCII: lower-casing is all they need, and it is far cheaper.
  if (ASCII.test(text)) return text.toLowerCase();
  return text
    .normalize('NFKD')
    .replace(MARKS, '')
    .toLowerCase()
    .replace(SPECIAL_RE, (c) => SPECIAL[c] ?? c)
    .normalize('NFC');
}

/**
 * Makes any input safe to analyze: lone surrogates become U+FFFD (a separator), control
 * characters become spaces, and Hangul is composed (NFC) so that jamo sequences match syllables.
 */
export function sanitize(text: string): string {
  return (
    text
      .replace(LONE_SURROGATE, '\uFFFD')
      // biome-ignore lint/suspicious/noControlCharactersInRegex: removing them is the point
      .replace(/[\u0000-\u001f\u007f-\u009f]/g, ' ')
      .normalize('NFC')
  );
}

/** Splits text into units: folded Latin words (and digits) and CJK runs, with offsets. */
export function segment(text: string): Unit[] {
  const units: Unit[] = [];
  let chunk = -1;
  let partStart = -1;
  let partEnd = -1;
  let pieces: string[] = [];
  let lastEnd = -2;
  const flush = () => {
    if (partStart >= 0) pushPart(units, pieces, partStart, partEnd, chunk);
    pieces = [];
    partStart = -1;
  };
  // One pass over runs of letters, digits and marks; what stands between two runs decides
  // whether they are one word (an apostrophe), one compound (a hyphen) or two words.
  for (const m of text.matchAll(RUN)) {
    const start = m.index ?? 0;
    const gap = start - lastEnd === 1 ? text[lastEnd] : undefined;
    if (gap !== undefined && APOSTROPHE_CHARS.includes(gap) && partStart >= 0) {
      pieces.push(m[0]);
    } else {
      flush();
      if (!(gap !== undefined && HYPHEN_CHARS.includes(gap))) chunk++;
      partStart = start;
      pieces = [m[0]];
    }
    partEnd = start + m[0].length;
    lastEnd = partEnd;
  }
  flush();
  return units;
}

function pushPart(units: Unit[], pieces: string[], start: number, end: number, chunk: number) {
  const raw = pieces.join('');
  if (!HAS_WIDE.test(raw)) {
    pushLatin(units, pieces, start, end, chunk);
    return;
  }
  // Split a part that mixes scripts ("제12호") into its CJK and other runs.
  let offset = start;
  for (const piece of pieces) {
    for (const r of piece.matchAll(CJK_RUNS)) {
      const s = offset + (r.index ?? 0);
      if (CJK.test(r[0])) {
        units.push({ text: r[0], start: s, end: s + r[0].length, script: 'cjk', chunk });
      } else {
        pushLatin(units, [r[0]], s, s + r[0].length, chunk);
      }
    }
    offset += piece.length + 1;
  }
}

function pushLatin(units: Unit[], pieces: string[], start: number, end: number, chunk: number) {
  // "Korea's" → "korea": an English possessive is not part of the word.
  const last = pieces.length > 1 ? pieces[pieces.length - 1]! : '';
  const kept = last === 's' || last === 'S' ? pieces.slice(0, -1) : pieces;
  const folded = foldLatin(kept.join(''));
  if (folded.length > 0 && folded.length <= MAX_TOKEN_LENGTH) {
    units.push({ text: folded, start, end, script: 'latin', chunk });
  }
}

/**
 * The searchable tokens of some units. A CJK run becomes overlapping bigrams (북한인권 → 북한,
 * 한인, 인권), as Lucene's CJK analyzer does, so that a two-syllable query finds the word inside a
 * longer one; a lone syllable stays a unigram.
 */
export function tokensOf(units: readonly Unit[]): Token[] {
  const tokens: Token[] = [];
  for (const u of units) {
    if (u.script === 'latin') {
      tokens.push({ text: u.text, start: u.start, end: u.end, chunk: u.chunk });
      continue;
    }
    const chars = [...u.text];
    if (chars.length === 1) {
      tokens.push({ text: u.text, start: u.start, end: u.end, chunk: u.chunk });
      continue;
    }
    let offset = u.start;
    for (let i = 0; i + 1 < chars.length; i++) {
      const a = chars[i]!;
      const b = chars[i + 1]!;
      tokens.push({
        text: a + b,
        start: offset,
        end: offset + a.length + b.length,
        chunk: u.chunk,
      });
      offset += a.length;
    }
  }
  return tokens;
}

export function analyze(text: string): Token[] {
  return tokensOf(segment(sanitize(text)));
}

/**
 * The joined forms of hyphenated Latin compounds ("Kyo-hwa-so" → "kyohwaso"), so that a query
 * written without hyphens finds the text written with them, and the other way round.
 */
export function compoundsOf(units: readonly Unit[]): Array<{ text: string; firstUnit: number }> {
  const out: Array<{ text: string; firstUnit: number }> = [];
  let i = 0;
  while (i < units.length) {
    let j = i;
    while (j + 1 < units.length && units[j + 1]!.chunk === units[i]!.chunk) j++;
    const parts = units.slice(i, j + 1);
    if (parts.length > 1 && parts.every((u) => u.script === 'latin')) {
      const joined = parts.map((u) => u.text).join('');
      if (joined.length <= MAX_TOKEN_LENGTH) out.push({ text: joined, firstUnit: i });
    }
    i = j + 1;
  }
  return out;
}

const STEMMABLE = /^[a-z]{3,}$/;

/**
 * The English stem of a token, or null when it has none of its own (not a plain Latin word, or
 * already its own stem). Porter's algorithm: "sanctions" and "sanctioned" → "sanction".
 */
export function stemOf(token: string): string | null {
  const known = stems.get(token);
  if (known !== undefined) return known;
  let stem: string | null = null;
  if (STEMMABLE.test(token)) {
    const s = stemmer(token);
    stem = s !== token && s.length > 0 ? s : null;
  }
  // Words repeat (Zipf): remembering the commonest ones makes indexing and snippets cheaper.
  if (stems.size >= STEM_CACHE_SIZE) stems.clear();
  stems.set(token, stem);
  return stem;
}

const STEM_CACHE_SIZE = 100_000;
const stems = new Map<string, string | null>();

export function isCjk(text: string): boolean {
  return CJK.test(text);
}
