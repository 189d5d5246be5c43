import { type AnalyzedText, anyNode, type MatchExpr } from '../../../core/search-index.ts';

/**
 * PostgreSQL's side of the analyzer contract. tsvector and tsquery are written as literals and
 * cast (`'…'::tsvector`), never passed through to_tsvector/to_tsquery, so PostgreSQL's own parser
 * cannot split or stem our tokens differently from SQLite.
 *
 * One tsvector holds what FTS5 keeps in columns: plain lexemes are exact words (and joined
 * compounds, at their first part's position), `~stem` lexemes are stems (at the word's
 * position), `@id` lexemes are places. Neither `~` nor `@` can occur in an analyzed word, so a
 * reader's word never reaches them.
 */
export type Weight = 'A' | 'B' | 'C' | 'D';

/** PostgreSQL keeps positions 1..16383 and at most 256 per lexeme; later ones share the last. */
const MAX_POSITION = 16383;
const MAX_POSITIONS_PER_LEXEME = 256;
/** A gap between fields, so that a phrase never runs from one field into the next. */
const FIELD_GAP = 8;

export const stemLexeme = (stem: string) => `~${stem}`;
export const placeLexeme = (id: number) => `@${id}`;
/**
 * A publication's PDF text goes into its tsvector as a bag of `%`-marked lexemes without
 * positions: all words must still match somewhere in the publication, but the vector stays
 * small (PostgreSQL reads it whole for every candidate it ranks or rechecks). Phrases in PDFs
 * are matched page by page instead, where positions are kept.
 */
export const bagLexeme = (lexeme: string) => `%${lexeme}`;

export class TsvectorBuilder {
  private readonly lexemes = new Map<string, Map<number, Weight>>();
  private next = 1;

  add(text: AnalyzedText, weight: Weight): this {
    const base = this.next;
    text.tokens.forEach((token, i) => {
      this.put(token, base + i, weight);
      const stem = text.stems[i];
      if (stem) this.put(stemLexeme(stem), base + i, weight);
    });
    for (const alt of text.alts) this.put(alt.text, base + alt.position, weight);
    for (const m of text.places) {
      for (const id of m.placeIds)
        this.put(placeLexeme(id), base + Math.max(0, m.position), weight);
    }
    this.next = base + text.tokens.length + FIELD_GAP;
    return this;
  }

  /** Words without positions, for matching but not for phrases (see `bagLexeme`). */
  addBag(text: AnalyzedText, weight: Weight): this {
    text.tokens.forEach((token, i) => {
      this.putBare(bagLexeme(token), weight);
      const stem = text.stems[i];
      if (stem) this.putBare(bagLexeme(stemLexeme(stem)), weight);
    });
    for (const alt of text.alts) this.putBare(bagLexeme(alt.text), weight);
    for (const m of text.places) {
      for (const id of m.placeIds) this.put(placeLexeme(id), 1, weight);
    }
    return this;
  }

  private readonly bare = new Map<string, Weight>();

  private putBare(lexeme: string, weight: Weight): void {
    const had = this.bare.get(lexeme);
    if (!had || weight < had) this.bare.set(lexeme, weight);
  }

  /** Places linked to the publication, matched wherever it names them or not. */
  addPlaces(placeIds: readonly number[], weight: Weight): this {
    for (const id of placeIds) this.put(placeLexeme(id), 1, weight);
    return this;
  }

  private put(lexeme: string, position: number, weight: Weight): void {
    const at = Math.min(position, MAX_POSITION);
    let positions = this.lexemes.get(lexeme);
    if (!positions) {
      positions = new Map();
      this.lexemes.set(lexeme, positions);
    }
    if (positions.size >= MAX_POSITIONS_PER_LEXEME && !positions.has(at)) return;
    const had = positions.get(at);
    // When two entries share a position, the heavier weight wins (A is the heaviest).
    if (!had || weight < had) positions.set(at, weight);
  }

  toLiteral(): string {
    const parts: string[] = [];
    for (const [lexeme, positions] of this.lexemes) {
      const list = [...positions].sort((a, b) => a[0] - b[0]).map(([p, w]) => `${p}${w}`);
      parts.push(`${quoteLexeme(lexeme)}:${list.join(',')}`);
    }
    // A lexeme without positions cannot carry a weight in the literal; its weight is D.
    for (const lexeme of this.bare.keys()) parts.push(quoteLexeme(lexeme));
    return parts.join(' ');
  }
}

export function toTsquery(expr: MatchExpr): string {
  switch (expr.kind) {
    case 'word': {
      const forms = [expr.token, stemLexeme(expr.stem ?? expr.token)];
      return `(${[...forms, ...forms.map(bagLexeme)].map(quoteLexeme).join(' | ')})`;
    }
    case 'phrase': {
      const last = expr.tokens.length - 1;
      const parts = expr.tokens.map(
        (t, i) => `${quoteLexeme(t)}${i === last && expr.prefixLast ? ':*' : ''}`,
      );
      if (parts.length > 1) return `(${parts.join(' <-> ')})`;
      const bag = `${quoteLexeme(bagLexeme(expr.tokens[0]!))}${expr.prefixLast ? ':*' : ''}`;
      return `(${parts[0]} | ${bag})`;
    }
    case 'place':
      return `(${expr.placeIds.map((id) => quoteLexeme(placeLexeme(id))).join(' | ')})`;
    case 'and':
      return `(${expr.children.map(toTsquery).join(' & ')})`;
    case 'or':
      return `(${expr.children.map(toTsquery).join(' | ')})`;
    case 'not':
      return `(${toTsquery(expr.positive)} & ${expr.negatives.map((n) => `!${toTsquery(n)}`).join(' & ')})`;
  }
}

/**
 * True when the expression needs positions (a phrase of two or more tokens): such a query also
 * looks page by page, since a publication's vector keeps no positions for its PDFs.
 */
export function hasPhrase(expr: MatchExpr): boolean {
  return anyNode(expr, (node) => node.kind === 'phrase' && node.tokens.length > 1);
}

function quoteLexeme(text: string): string {
  return `'${text.replace(/\\/g, '\\\\').replace(/'/g, "''")}'`;
}
