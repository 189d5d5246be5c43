import { analyze } from '../search/analyzer.ts';
import type { SearchEngine } from '../search/create-search.ts';
import type { Gazetteer } from '../search/gazetteer-variants.ts';
import { type ParsedQuery, parseQuery, positiveLeaves } from '../search/query-parser.ts';
import { planQuery } from '../search/query-plan.ts';
import type { Constraint } from '../search/search-index.ts';
import { closestWords } from '../search/suggestions.ts';

/** At most this many corrected queries are tried (each is one counted search). */
const MAX_TRIES = 3;

/**
 * "Did you mean": replaces the words the index does not know with the closest words it does,
 * and offers the corrected query only if it finds public work under the same filters. Words
 * come from every indexed document, but the check runs through the visibility rule, so a word
 * only an unpublished piece contains is never offered.
 */
export async function suggestCorrection(
  search: SearchEngine,
  parsed: ParsedQuery,
  gazetteer: Gazetteer,
  constraints: Constraint[],
  now: Date,
): Promise<{ q: string; total: number } | null> {
  const fixes: Array<{ span: readonly [number, number]; options: string[] }> = [];
  for (const leaf of positiveLeaves(parsed.root)) {
    if (leaf.kind !== 'term' || leaf.prefix) continue;
    const tokens = analyze(leaf.text);
    if (tokens.length !== 1 || !/^[a-z]{3,}$/.test(tokens[0]!.text)) continue;
    const word = tokens[0]!.text;
    if (await search.index.hasTerm(word)) continue;
    const options = closestWords(word, await search.index.termCandidates(word), MAX_TRIES);
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
