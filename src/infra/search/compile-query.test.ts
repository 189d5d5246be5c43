import { describe, expect, it } from 'vitest';
import type { MatchExpr } from '../../core/search-index.ts';
import { TsvectorBuilder, toTsquery } from './postgres/tsquery.ts';
import { DOC_COLUMNS, toFts5 } from './sqlite/fts5-query.ts';

const expr: MatchExpr = {
  kind: 'not',
  positive: {
    kind: 'and',
    children: [
      { kind: 'word', token: 'sanctions', stem: 'sanction' },
      { kind: 'phrase', tokens: ['prison', 'camp'], prefixLast: true },
      { kind: 'place', placeIds: [3, 4] },
    ],
  },
  negatives: [{ kind: 'word', token: 'china', stem: null }],
};

describe('compiling a match for each backend', () => {
  it('writes FTS5 with every token quoted and every column named', () => {
    expect(toFts5(expr, DOC_COLUMNS)).toBe(
      '((({title meta names body notes pdf alt} : "sanctions" OR {stems_hi stems_lo} : "sanction")' +
        ' AND ({title meta names body notes pdf} : "prison camp" *)' +
        ' AND ({plc} : ("p3" OR "p4")))' +
        ' NOT (({title meta names body notes pdf alt} : "china" OR {stems_hi stems_lo} : "china")))',
    );
  });

  it('writes a tsquery literal with stems, PDF words and places behind their markers', () => {
    expect(toTsquery(expr)).toBe(
      "((('sanctions' | '~sanction' | '%sanctions' | '%~sanction') & ('prison' <-> 'camp':*) & ('@3' | '@4')) & !('china' | '~china' | '%china' | '%~china'))",
    );
  });

  it('quotes what could break out of a literal', () => {
    expect(toFts5({ kind: 'word', token: 'a"b', stem: null }, DOC_COLUMNS)).toContain('"a""b"');
    expect(toTsquery({ kind: 'word', token: "a'b\\", stem: null })).toBe(
      "('a''b\\\\' | '~a''b\\\\' | '%a''b\\\\' | '%~a''b\\\\')",
    );
  });

  it('lays out a tsvector with positions, weights, stems, places and a PDF bag', () => {
    const literal = new TsvectorBuilder()
      .add(
        {
          tokens: ['sanctions', 'on', 'jongo', 'ri'],
          stems: ['sanction', 'on', 'jongo', 'ri'],
          alts: [{ position: 2, text: 'jongori' }],
          places: [{ position: 2, placeIds: [7] }],
        },
        'A',
      )
      .addBag({ tokens: ['camp'], stems: ['camp'], alts: [], places: [] }, 'D')
      .toLiteral();
    expect(literal).toBe(
      "'sanctions':1A '~sanction':1A 'on':2A '~on':2A 'jongo':3A '~jongo':3A 'ri':4A '~ri':4A 'jongori':3A '@7':3A '%camp' '%~camp'",
    );
  });
});
