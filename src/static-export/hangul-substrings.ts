/**
 * Extra words that let Pagefind find a Korean word inside a longer one. Pagefind splits Korean
 * on spaces and matches a query word against the *start* of indexed words, so `인권` finds
 * `인권을` but not `북한인권`. Indexing every inner suffix of a Hangul run (`북한인권` → `한인권`,
 * `인권`) makes every inner substring of two or more syllables the start of some indexed word.
 * A run of n syllables adds n − 2 words; Korean words with their particles are short.
 */
const HANGUL_RUN = /[\uAC00-\uD7A3]{3,}/g;

export function hangulSuffixes(text: string): string[] {
  const out = new Set<string>();
  for (const [run] of text.matchAll(HANGUL_RUN)) {
    for (let i = 1; i <= run.length - 2; i++) out.add(run.slice(i));
  }
  return [...out];
}
