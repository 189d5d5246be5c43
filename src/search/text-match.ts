import type { AnalyzedText } from './document.ts';
import type { MatchExpr } from './query-plan.ts';

/**
 * Whether an analyzed text (a PDF page) satisfies a match tree, with the semantics the indexes
 * give it (`toFts5` with the page columns, and `toTsquery`): a word is its exact token, a joined
 * compound or any word with its stem; a phrase is adjacent tokens in order, its last one perhaps a
 * prefix (a one-token phrase also matches a joined compound); a place is any of its ids named in
 * the text.
 *
 * Search uses it to find the pages of the few PDFs a result page shows, reading their text,
 * rather than asking the page index: FTS5 reaches one file's pages in a common word's page list
 * by walking that list from its start, which for a word on most pages of a large archive costs
 * tens of milliseconds per file, while analyzing a 20-page report costs about two.
 */
export function textMatches(expr: MatchExpr, text: AnalyzedText): boolean {
  switch (expr.kind) {
    case 'word':
      return (
        text.tokens.includes(expr.token) ||
        text.alts.some((a) => a.text === expr.token) ||
        text.stems.includes(expr.stem ?? expr.token)
      );
    case 'phrase':
      return expr.tokens.length === 1
        ? singleToken(expr.tokens[0]!, expr.prefixLast, text)
        : hasPhrase(expr.tokens, expr.prefixLast, text.tokens);
    case 'place':
      return text.places.some((m) => m.placeIds.some((id) => expr.placeIds.includes(id)));
    case 'and':
      return expr.children.every((c) => textMatches(c, text));
    case 'or':
      return expr.children.some((c) => textMatches(c, text));
    case 'not':
      return textMatches(expr.positive, text) && !expr.negatives.some((n) => textMatches(n, text));
  }
}

function singleToken(token: string, prefix: boolean, text: AnalyzedText): boolean {
  const is = prefix ? (t: string) => t.startsWith(token) : (t: string) => t === token;
  return text.tokens.some(is) || text.alts.some((a) => is(a.text));
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
