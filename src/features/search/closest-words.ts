/**
 * Spelling suggestions: the indexed words closest to a word that finds nothing. The candidates
 * are only proposals: the search (search-suggestion.ts) offers a word only after it alone finds
 * public work, so a word that only an embargoed, scheduled or withdrawn piece contains is never
 * suggested.
 */

/** Edits allowed: one for short words, two for longer ones. */
export function maxEdits(word: string): number {
  return word.length <= 4 ? 1 : 2;
}

/**
 * Optimal string alignment distance (Levenshtein plus swapping two neighbours, the commonest
 * typing slip), giving up once it exceeds `limit`.
 */
export function editDistance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  const rows: number[][] = [];
  for (let i = 0; i <= a.length; i++) {
    const row = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      if (i === 0) {
        row.push(j);
        continue;
      }
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(rows[i - 1]![j]! + 1, row[j - 1]! + 1, rows[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        d = Math.min(d, rows[i - 2]![j - 2]! + 1);
      }
      row.push(d);
      best = Math.min(best, d);
    }
    rows.push(row);
    if (i > 0 && best > limit) return limit + 1;
  }
  return rows[a.length]![b.length]!;
}

/** The closest candidates, best first: fewest edits, then the nearest length, then A–Z. */
export function closestWords(word: string, candidates: Iterable<string>, keep = 3): string[] {
  const limit = maxEdits(word);
  const scored: Array<{ term: string; d: number }> = [];
  for (const term of candidates) {
    if (term === word) continue;
    const d = editDistance(word, term, limit);
    if (d <= limit) scored.push({ term, d });
  }
  scored.sort(
    (x, y) =>
      x.d - y.d ||
      Math.abs(x.term.length - word.length) - Math.abs(y.term.length - word.length) ||
      (x.term < y.term ? -1 : 1),
  );
  return scored.slice(0, keep).map((s) => s.term);
}
