import type { MatchExpr } from '../../../core/search-index.ts';

/**
 * Compiles a match tree to an FTS5 MATCH expression. Every token is a quoted string and every
 * operator is ours, so no reader input can become FTS5 syntax. Columns say where a part may
 * match: exact words in the text columns (and joined compounds in `alt`), stems only in the
 * stem columns, places only in `plc`.
 */
export interface Fts5Columns {
  exact: string;
  exactAndAlt: string;
  stems: string;
  places: string;
}

export const DOC_COLUMNS: Fts5Columns = {
  exact: '{title meta names body notes pdf}',
  exactAndAlt: '{title meta names body notes pdf alt}',
  stems: '{stems_hi stems_lo}',
  places: '{plc}',
};

/** The head of a publication: what it is about (see search_head in the migrations). */
export const HEAD_COLUMNS: Fts5Columns = {
  exact: '{title meta names}',
  exactAndAlt: '{title meta names alt}',
  stems: '{stems}',
  places: '{plc}',
};

export function toFts5(expr: MatchExpr, cols: Fts5Columns): string {
  switch (expr.kind) {
    case 'word':
      // Every plain word's stem is indexed, so a match on the exact form scores twice (exact and
      // stem) and a match on another form of the stem once: the exact form ranks higher.
      return `(${cols.exactAndAlt} : ${quote(expr.token)} OR ${cols.stems} : ${quote(expr.stem ?? expr.token)})`;
    case 'phrase': {
      const star = expr.prefixLast ? ' *' : '';
      const target = expr.tokens.length === 1 ? cols.exactAndAlt : cols.exact;
      return `(${target} : ${quote(expr.tokens.join(' '))}${star})`;
    }
    case 'place':
      return `(${cols.places} : (${expr.placeIds.map((id) => quote(placeToken(id))).join(' OR ')}))`;
    case 'and':
      return `(${expr.children.map((c) => toFts5(c, cols)).join(' AND ')})`;
    case 'or':
      return `(${expr.children.map((c) => toFts5(c, cols)).join(' OR ')})`;
    case 'not': {
      const negatives = expr.negatives.map((c) => toFts5(c, cols)).join(' OR ');
      return `(${toFts5(expr.positive, cols)} NOT (${negatives}))`;
    }
  }
}

/** The token a place is indexed under in the `plc` column, where no reader's word can reach. */
export const placeToken = (id: number) => `p${id}`;

function quote(text: string): string {
  return `"${text.replace(/"/g, '""')}"`;
}
