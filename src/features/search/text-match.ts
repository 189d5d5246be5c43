import type { Gazetteer } from '../../core/gazetteer.ts';
import { anyNode, type MatchExpr } from '../../core/search-index.ts';
import { compoundsOf, sanitize, segment, tokensOf } from './analyzer.ts';
import { indexedStem } from './index-document.ts';

/** A text analyzed as the index analyzes it, reduced to what matching needs. */
export interface MatchableText {
  tokens: string[];
  stems: Set<string>;
  /** Joined forms of hyphenated compounds. */
  alts: Set<string>;
  /** Gazetteer places named in the text (only looked for when the query names a place). */
  places: Set<number>;
}

/**
 * Analyzes a text for `textMatches`. Stems are memoized across calls through `stems` (the pages
 * of a few PDFs repeat most of their words), and places are recognized only when `expr` asks
 * for one: on a page of Korean, recognition costs more than the rest together.
 */
export function matchableText(
  text: string,
  expr: MatchExpr,
  gazetteer: Gazetteer,
  stems: Map<string, string | null>,
): MatchableText {
  const units = segment(sanitize(text));
  const tokens = tokensOf(units).map((t) => t.text);
  const stemSet = new Set<string>();
  for (const token of tokens) {
    let stem = stems.get(token);
    if (stem === undefined) {
      stem = indexedStem(token);
      stems.set(token, stem);
    }
    if (stem !== null) stemSet.add(stem);
  }
  const places = new Set<number>();
  if (anyNode(expr, (node) => node.kind === 'place')) {
    for (const m of gazetteer.recognize(units)) for (const id of m.placeIds) places.add(id);
  }
  return {
    tokens,
    stems: stemSet,
    alts: new Set(compoundsOf(units).map((c) => c.text)),
    places,
  };
}

/**
 * Whether an analyzed text (a PDF page) satisfies a match tree, with the semantics the indexes
 * give a publication's text (`toFts5`, `toTsquery`): a word is its exact token, a joined
 * compound or any word with its stem; a phrase is adjacent tokens in order, its last one perhaps a
 * prefix (a one-token phrase also matches a joined compound); a place is any of its ids named in
 * the text.
 *
 * Search uses it to find the pages of the few PDFs a result page shows, reading their text,
 * rather than asking the page index: FTS5 reaches one file's pages in a common word's page list
 * by walking that list from its start, which for a word on most pages of a large archive costs
 * far more per file than analyzing a report's text does.
 */
export function textMatches(expr: MatchExpr, text: MatchableText): boolean {
  switch (expr.kind) {
    case 'word':
      return (
        text.tokens.includes(expr.token) ||
        text.alts.has(expr.token) ||
        text.stems.has(expr.stem ?? expr.token)
      );
    case 'phrase':
      return expr.tokens.length === 1
        ? singleToken(expr.tokens[0]!, expr.prefixLast, text)
        : hasPhrase(expr.tokens, expr.prefixLast, text.tokens);
    case 'place':
      return expr.placeIds.some((id) => text.places.has(id));
    case 'and':
      return expr.children.every((c) => textMatches(c, text));
    case 'or':
      return expr.children.some((c) => textMatches(c, text));
    case 'not':
      return textMatches(expr.positive, text) && !expr.negatives.some((n) => textMatches(n, text));
  }
}

function singleToken(token: string, prefix: boolean, text: MatchableText): boolean {
  if (!prefix) return text.tokens.includes(token) || text.alts.has(token);
  const starts = (t: string) => t.startsWith(token);
  return text.tokens.some(starts) || [...text.alts].some(starts);
}

function hasPhrase(phrase: readonly string[], prefixLast: boolean, tokens: readonly string[]) {
  const last = phrase.length - 1;
  for (let i = 0; i + last < tokens.length; i++) {
    let k = 0;
    while (k < last && tokens[i + k] === phrase[k]) k++;
    if (k < last) continue;
    const t = tokens[i + last]!;
    if (prefixLast ? t.startsWith(phrase[last]!) : t === phrase[last]) return true;
  }
  return false;
}
