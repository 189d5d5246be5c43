import type { Gazetteer } from '../../core/gazetteer.ts';
import type { SearchEngine } from '../../core/search-engine.ts';
import type { Constraint, MatchExpr } from '../../core/search-index.ts';
import { analyze } from './analyzer.ts';
import { closestWords } from './closest-words.ts';
import { type ParsedQuery, parseQuery, positiveLeaves } from './query-parser.ts';
import { planQuery } from './query-plan.ts';

/** At most this many corrected queries are tried (each is one counted search). */
const MAX_TRIES = 3;
/**
 * The closest candidates of one word that are checked against public work, nearest first. The
 * stored list holds words of hidden work too, and each costs a check; past this many the reader
 * gets no suggestion rather than a slow page.
 */
const MAX_CHECKS = 24;

/**
 * "Did you mean": replaces the words that find no public work with the closest words that do,
 * and offers the corrected query only if it finds public work under the same filters.
 *
 * The stored word list (`termCandidates`) only proposes spellings: it holds every word of every
 * indexed piece, embargoed and scheduled ones included, and keeps the words of withdrawn ones.
 * The vocabulary a reader is shown is that list narrowed, at the moment of the search, to the
 * words that **each alone** find public work — the exact word, not its stem, so that a hidden
 * "xylophonist" is never offered because a public piece says "xylophone". Checking only the
 * whole corrected query would let `misspelt OR reports` confirm any hidden word; checking at
 * query time keeps the vocabulary equal to what is public as embargoes lift, dates arrive and
 * pieces are withdrawn or trashed, with no write. People, topics and places are indexed as words
 * of the pieces that credit them, so their names follow the same rule.
 */
export async function suggestCorrection(
  search: SearchEngine,
  parsed: ParsedQuery,
  gazetteer: Gazetteer,
  constraints: Constraint[],
  now: Date,
): Promise<{ q: string; total: number } | null> {
  const findsPublicWork = async (match: MatchExpr) =>
    (await search.index.count({ match, constraints: [], now }, 1)) > 0;
  const fixes: Array<{ span: readonly [number, number]; options: string[] }> = [];
  for (const leaf of positiveLeaves(parsed.root)) {
    if (leaf.kind !== 'term' || leaf.prefix) continue;
    const tokens = analyze(leaf.text);
    if (tokens.length !== 1 || !/^[a-z]{3,}$/.test(tokens[0]!.text)) continue;
    const word = tokens[0]!.text;
    // A word that finds public work as typed (by its stem, or as a place) is no typo. Whether it
    // is in the stored list says nothing, since that list holds the words of hidden work.
    const asTyped = planQuery(leaf, gazetteer).match;
    if (asTyped && (await findsPublicWork(asTyped))) continue;
    const options: string[] = [];
    for (const term of closestWords(word, await search.index.termCandidates(word), MAX_CHECKS)) {
      if (await findsPublicWork({ kind: 'phrase', tokens: [term], prefixLast: false })) {
        options.push(term);
        if (options.length === MAX_TRIES) break;
      }
    }
    if (options.length > 0) fixes.push({ span: leaf.span, options });
  }
  if (fixes.length === 0) return null;
  for (let attempt = 0; attempt < MAX_TRIES; attempt++) {
    let text = parsed.text;
    // Right to left, so that earlier spans stay valid as the text changes length.
    for (const fix of [...fixes].reverse()) {
      const option = fix.options[Math.min(attempt, fix.options.length - 1)]!;
      // Keep the reader's capital: "Botswanna" → "Botswana", not "botswana".
      const typed = text.slice(fix.span[0], fix.span[1]);
      const cased = /^\p{Lu}/u.test(typed) ? option[0]!.toUpperCase() + option.slice(1) : option;
      text = text.slice(0, fix.span[0]) + cased + text.slice(fix.span[1]);
    }
    const plan = planQuery(parseQuery(text).root, gazetteer);
    if (!plan.match) continue;
    const total = await search.index.count({ match: plan.match, constraints, now });
    if (total > 0) return { q: text, total };
  }
  return null;
}
