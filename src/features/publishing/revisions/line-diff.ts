/**
 * A line diff (Myers' O((N+M)D) algorithm) for comparing two revisions of a body side by side.
 * Bodies are Markdown, where a paragraph is a line, so lines are the unit editors think in.
 */
export type DiffKind = 'same' | 'removed' | 'added';

export interface DiffLine {
  kind: DiffKind;
  text: string;
}

/** One row of a side-by-side view; a side is null where the other side has lines of its own. */
export interface DiffRow {
  left: { line: number; text: string; kind: 'same' | 'removed' } | null;
  right: { line: number; text: string; kind: 'same' | 'added' } | null;
}

/**
 * Past this many edits the exact diff costs more memory than it is worth (it keeps D² numbers);
 * the changed middle is then shown as removed and added whole, which is still true.
 */
const MAX_EDITS = 2000;

export function splitLines(text: string): string[] {
  if (text === '') return [];
  return text.replace(/\r\n?/g, '\n').replace(/\n$/, '').split('\n');
}

export function diffLines(before: string, after: string, maxEdits = MAX_EDITS): DiffLine[] {
  const a = splitLines(before);
  const b = splitLines(after);
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA--;
    endB--;
  }
  const same = (text: string): DiffLine => ({ kind: 'same', text });
  const midA = a.slice(start, endA);
  const midB = b.slice(start, endB);
  const middle = myers(midA, midB, maxEdits) ?? [
    ...midA.map((text): DiffLine => ({ kind: 'removed', text })),
    ...midB.map((text): DiffLine => ({ kind: 'added', text })),
  ];
  return [...a.slice(0, start).map(same), ...middle, ...a.slice(endA).map(same)];
}

function myers(a: string[], b: string[], maxEdits: number): DiffLine[] | null {
  const n = a.length;
  const m = b.length;
  const max = Math.min(n + m, maxEdits);
  const offset = max + 1;
  const v = new Int32Array(2 * max + 3);
  // trace[d] holds v for k in [-d, d] after round d: what the walk back needs.
  const trace: Int32Array[] = [];
  for (let d = 0; d <= max; d++) {
    for (let k = -d; k <= d; k += 2) {
      const down = k === -d || (k !== d && v[offset + k - 1]! < v[offset + k + 1]!);
      let x = down ? v[offset + k + 1]! : v[offset + k - 1]! + 1;
      let y = x - k;
      while (x < n && y < m && a[x] === b[y]) {
        x++;
        y++;
      }
      v[offset + k] = x;
      if (x >= n && y >= m) {
        trace.push(v.slice(offset - d, offset + d + 1));
        return walkBack(a, b, trace);
      }
    }
    trace.push(v.slice(offset - d, offset + d + 1));
  }
  return null;
}

function walkBack(a: string[], b: string[], trace: Int32Array[]): DiffLine[] {
  const out: DiffLine[] = [];
  let x = a.length;
  let y = b.length;
  for (let d = trace.length - 1; d > 0; d--) {
    const prev = trace[d - 1]!;
    const at = (k: number) => prev[k + d - 1]!;
    const k = x - y;
    const down = k === -d || (k !== d && at(k - 1) < at(k + 1));
    const prevK = down ? k + 1 : k - 1;
    const prevX = at(prevK);
    const prevY = prevX - prevK;
    while (x > prevX && y > prevY) {
      out.push({ kind: 'same', text: a[x - 1]! });
      x--;
      y--;
    }
    if (down) out.push({ kind: 'added', text: b[y - 1]! });
    else out.push({ kind: 'removed', text: a[x - 1]! });
    x = prevX;
    y = prevY;
  }
  while (x > 0 && y > 0) {
    out.push({ kind: 'same', text: a[x - 1]! });
    x--;
    y--;
  }
  return out.reverse();
}

/** Pairs removed and added runs into rows, so a changed paragraph sits beside its old self. */
export function sideBySide(lines: readonly DiffLine[]): DiffRow[] {
  const rows: DiffRow[] = [];
  let left = 0;
  let right = 0;
  let i = 0;
  while (i < lines.length) {
    const line = lines[i]!;
    if (line.kind === 'same') {
      left++;
      right++;
      rows.push({
        left: { line: left, text: line.text, kind: 'same' },
        right: { line: right, text: line.text, kind: 'same' },
      });
      i++;
      continue;
    }
    const removed: string[] = [];
    const added: string[] = [];
    while (i < lines.length && lines[i]!.kind !== 'same') {
      const l = lines[i]!;
      (l.kind === 'removed' ? removed : added).push(l.text);
      i++;
    }
    for (let r = 0; r < Math.max(removed.length, added.length); r++) {
      const old = removed[r];
      const now = added[r];
      rows.push({
        left: old === undefined ? null : { line: ++left, text: old, kind: 'removed' },
        right: now === undefined ? null : { line: ++right, text: now, kind: 'added' },
      });
    }
  }
  return rows;
}

/** A run of unchanged lines left out of the view. */
export interface SkippedRows {
  skipped: number;
}

/** Keeps `context` unchanged rows around each change and folds longer unchanged runs away. */
export function foldUnchanged(rows: readonly DiffRow[], context = 3): Array<DiffRow | SkippedRows> {
  const changed = rows.map((r) => r.left?.kind !== 'same' || r.right?.kind !== 'same');
  const keep = rows.map((_, i) => {
    for (let j = Math.max(0, i - context); j <= Math.min(rows.length - 1, i + context); j++) {
      if (changed[j]) return true;
    }
    return false;
  });
  const out: Array<DiffRow | SkippedRows> = [];
  rows.forEach((row, i) => {
    if (keep[i]) out.push(row);
    else {
      const last = out[out.length - 1];
      if (last && 'skipped' in last) last.skipped++;
      else out.push({ skipped: 1 });
    }
  });
  return out;
}
