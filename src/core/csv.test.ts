import { describe, expect, it } from 'vitest';
import { csvCell, csvRecord } from './csv.ts';

describe('CSV cells', () => {
  it('quotes every cell and doubles quotes inside', () => {
    expect(csvCell('plain')).toBe('"plain"');
    expect(csvCell('say "hi", then go')).toBe('"say ""hi"", then go"');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
  });

  it('writes empty cells for null and JSON for objects', () => {
    expect(csvCell(null)).toBe('""');
    expect(csvCell(42)).toBe('"42"');
    expect(csvCell({ a: 1 })).toBe('"{""a"":1}"');
  });

  it('keeps formulas from running in a spreadsheet', () => {
    expect(csvCell('=HYPERLINK("http://evil")')).toBe('"\'=HYPERLINK(""http://evil"")"');
    expect(csvCell('+1')).toBe('"\'+1"');
    expect(csvCell('-2+3')).toBe('"\'-2+3"');
    expect(csvCell('@SUM(A1)')).toBe('"\'@SUM(A1)"');
    expect(csvCell('  =1+1')).toBe('"\'  =1+1"');
    expect(csvCell('\tx')).toBe('"\'\tx"');
    expect(csvCell('a=b')).toBe('"a=b"');
  });

  it('ends records with CRLF', () => {
    expect(csvRecord(['a', null, 1])).toBe('"a","","1"\r\n');
  });
});
