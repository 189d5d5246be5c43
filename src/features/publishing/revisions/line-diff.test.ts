import { describe, expect, it } from 'vitest';
import { type DiffLine, diffLines, foldUnchanged, sideBySide, splitLines } from './line-diff.ts';

/** Applying a diff to the old text must give the new one, and keeping its "same" lines, both. */
function replay(lines: DiffLine[]) {
  return {
    before: lines.filter((l) => l.kind !== 'added').map((l) => l.text),
    after: lines.filter((l) => l.kind !== 'removed').map((l) => l.text),
  };
}

/** The textbook answer: every line not in a longest common subsequence is an edit. */
function fewestEdits(a: string[], b: string[]): number {
  const lcs = Array.from({ length: a.length + 1 }, () => new Array<number>(b.length + 1).fill(0));
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) {
      lcs[i]![j] =
        a[i] === b[j] ? lcs[i + 1]![j + 1]! + 1 : Math.max(lcs[i + 1]![j]!, lcs[i]![j + 1]!);
    }
  }
  return a.length + b.length - 2 * lcs[0]![0]!;
}

describe('line diff', () => {
  it('finds a changed line between unchanged ones', () => {
    expect(diffLines('a\nb\nc', 'a\nB\nc')).toEqual([
      { kind: 'same', text: 'a' },
      { kind: 'removed', text: 'b' },
      { kind: 'added', text: 'B' },
      { kind: 'same', text: 'c' },
    ]);
  });

  it('finds insertions and deletions with the fewest edits', () => {
    const lines = diffLines('a\nb\nc\na\nb\nb\na', 'c\nb\na\nb\na\nc');
    expect(lines.filter((l) => l.kind !== 'same')).toHaveLength(5);
    expect(replay(lines)).toEqual({
      before: splitLines('a\nb\nc\na\nb\nb\na'),
      after: splitLines('c\nb\na\nb\na\nc'),
    });
  });

  it('handles empty texts', () => {
    expect(diffLines('', '')).toEqual([]);
    expect(diffLines('', 'x\ny')).toEqual([
      { kind: 'added', text: 'x' },
      { kind: 'added', text: 'y' },
    ]);
    expect(diffLines('x', '')).toEqual([{ kind: 'removed', text: 'x' }]);
  });

  it('reproduces both texts for random edits', () => {
    let seed = 7;
    const rand = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % n;
    };
    for (let round = 0; round < 200; round++) {
      const a = Array.from({ length: rand(30) }, () => 'pqrs'[rand(4)]!).join('\n');
      const b = Array.from({ length: rand(30) }, () => 'pqrs'[rand(4)]!).join('\n');
      const lines = diffLines(a, b);
      expect(replay(lines)).toEqual({ before: splitLines(a), after: splitLines(b) });
      expect(lines.filter((l) => l.kind !== 'same').length).toBe(
        fewestEdits(splitLines(a), splitLines(b)),
      );
    }
  });

  it('falls back to removing and adding the middle past the edit limit, still correctly', () => {
    const a = 'head\nx1\nx2\nx3\ntail';
    const b = 'head\ny1\ny2\ntail';
    const lines = diffLines(a, b, 2);
    expect(lines.map((l) => l.kind)).toEqual([
      'same',
      'removed',
      'removed',
      'removed',
      'added',
      'added',
      'same',
    ]);
    expect(replay(lines)).toEqual({ before: splitLines(a), after: splitLines(b) });
  });

  it('pairs a changed run side by side with line numbers', () => {
    const rows = sideBySide(diffLines('a\nb\nc\nd', 'a\nB\nd\ne'));
    expect(rows).toEqual([
      { left: { line: 1, text: 'a', kind: 'same' }, right: { line: 1, text: 'a', kind: 'same' } },
      {
        left: { line: 2, text: 'b', kind: 'removed' },
        right: { line: 2, text: 'B', kind: 'added' },
      },
      { left: { line: 3, text: 'c', kind: 'removed' }, right: null },
      { left: { line: 4, text: 'd', kind: 'same' }, right: { line: 3, text: 'd', kind: 'same' } },
      { left: null, right: { line: 4, text: 'e', kind: 'added' } },
    ]);
  });

  it('folds long unchanged runs, keeping context around changes', () => {
    const before = Array.from({ length: 20 }, (_, i) => `line ${i + 1}`);
    const after = [...before];
    after[9] = 'line ten, changed';
    const folded = foldUnchanged(sideBySide(diffLines(before.join('\n'), after.join('\n'))), 2);
    expect(folded[0]).toEqual({ skipped: 7 });
    expect(folded.slice(1, 6).map((r) => ('skipped' in r ? null : r.left?.text))).toEqual([
      'line 8',
      'line 9',
      'line 10',
      'line 11',
      'line 12',
    ]);
    expect(folded[6]).toEqual({ skipped: 8 });
    expect(folded).toHaveLength(7);
  });
});
