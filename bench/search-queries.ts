import type { SearchFilters } from '../src/features/search/search-filters.ts';
import { type ArchiveFacts, prng } from './generate-archive.ts';

/** One benchmark query, of a kind the report breaks the timings down by. */
export interface BenchQuery {
  kind: 'word' | 'phrase' | 'facet' | 'korean' | 'place';
  q: string;
  filters?: SearchFilters;
}

/**
 * The mixed query set, drawn from the generated archive so that it means the same at every
 * size: single words across the frequency range (a few very common ones, as real logs have),
 * two-word phrases from real titles, words with facet filters, Korean words and syllable pairs,
 * and place names in every romanization.
 */
export function buildQuerySet(facts: ArchiveFacts, scale = 1): BenchQuery[] {
  const rnd = prng(7);
  const n = (k: number) => Math.max(2, Math.round(k * scale));
  const pick = <T>(list: readonly T[]) => list[Math.floor(rnd() * list.length)]!;
  const band = (from: number, to: number) =>
    facts.vocabulary[from + Math.floor(rnd() * (to - from))]!;
  const out: BenchQuery[] = [];
  // 10% very common (top 20 words), the rest spread over the Zipf ranks.
  for (let i = 0; i < n(3); i++) out.push({ kind: 'word', q: band(0, 20) });
  for (let i = 0; i < n(9); i++) out.push({ kind: 'word', q: band(20, 300) });
  for (let i = 0; i < n(9); i++) out.push({ kind: 'word', q: band(300, 3000) });
  for (let i = 0; i < n(9); i++) out.push({ kind: 'word', q: band(3000, 19_000) });
  const english = facts.titles.filter((t) => /^[A-Za-z ]+$/.test(t.title));
  for (let i = 0; i < n(15); i++) {
    const words = pick(english).title.toLowerCase().split(' ');
    const at = Math.floor(rnd() * (words.length - 1));
    out.push({ kind: 'phrase', q: `"${words[at]} ${words[at + 1]}"` });
  }
  const years = [2014, 2016, 2018, 2020, 2022];
  for (let i = 0; i < n(10); i++) {
    const word = band(20, 3000);
    switch (i % 4) {
      case 0:
        out.push({ kind: 'facet', q: word, filters: { types: ['report'] } });
        break;
      case 1:
        out.push({ kind: 'facet', q: `${word} year:${pick(years)}..${pick(years) + 3}` });
        break;
      case 2: {
        const author = pick(facts.authors.filter((a) => a.publicationIds.length > 0));
        out.push({ kind: 'facet', q: `${word} author:"${author.name}"` });
        break;
      }
      default:
        out.push({
          kind: 'facet',
          q: word,
          filters: { sections: ['gen-section-1'], languages: ['en'] },
        });
    }
  }
  for (let i = 0; i < n(10); i++) {
    const word = pick(facts.koreanWords.slice(0, 400));
    // Half whole words, half a two-syllable piece of a longer word (the bigram case).
    const chars = [...word];
    out.push({
      kind: 'korean',
      q: i % 2 === 0 || chars.length < 3 ? word : chars.slice(1, 3).join(''),
    });
  }
  const linked = facts.places.filter((p) => (facts.placeLinks[p.id]?.length ?? 0) > 0);
  for (let i = 0; i < n(15); i++) {
    const p = pick(linked);
    out.push({ kind: 'place', q: [p.revised, p.mccuneReischauer, p.hangul, p.english][i % 4]! });
  }
  return out;
}
