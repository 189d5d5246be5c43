import type { Gazetteer as GazetteerPort } from '../../core/gazetteer.ts';
import type { PublicationSource } from '../../core/index-sources.ts';
import { DOC_FIELDS } from '../../core/search-index.ts';
import { Gazetteer } from './gazetteer-variants.ts';
import { buildDocument } from './index-document.ts';
import { sceneText, shownScenes } from './scene-words.ts';

/**
 * What a static export's client search needs to find what the server's search finds, without
 * the server: the words the server indexes that a publication's page does not print (every name
 * of its people, topics and places, its PDFs' text, its public scenes' words and dates) and one word per place it is filed at or
 * names, inside or above it (`placeWord`), plus a map from every spelling of those places to
 * their words, which the search page expands a query with (static-search.js). Both are made by
 * the server's own analysis (buildDocument), so a place is found by the same rules.
 */
export interface StaticSearchData {
  /** Per publication id: the extra words its page's record is indexed with. */
  words: Map<number, string>;
  /** Spelling keys (nameKey) → place words, tier by tier as the server's lookup tries them. */
  places: PlaceVariantMap;
}

export interface PlaceVariantMap {
  exact: Record<string, string[]>;
  shortened: Record<string, string[]>;
  /** Keyed by looseKey(nameKey): spellings of other romanizations. */
  loose: Record<string, string[]>;
}

/**
 * The word a place is indexed under in the export, unlike any word of a text: letters only, so
 * that no tokenizer splits it; its number in the letters a–p between two "zq", so that no place's
 * word begins another's (Pagefind matches the beginnings of words) and no stemmer trims it.
 * 12 → "zqmzq", 300 → "zqbcmzq".
 */
export function placeWord(id: number): string {
  let letters = '';
  let n = id;
  do {
    letters = String.fromCharCode(97 + (n % 16)) + letters;
    n = Math.floor(n / 16);
  } while (n > 0);
  return `zq${letters}zq`;
}

export function staticSearchData(
  sources: readonly PublicationSource[],
  gazetteer: GazetteerPort,
): StaticSearchData {
  const words = new Map<number, string>();
  const namesOf = new Map(gazetteer.places.map((p) => [p.id, p.names]));
  // Only places that public work is filed at (or under) or names in its own text go into the
  // map: the facet's rule, so that the map names no place that only drafts know.
  const shown = new Set<number>();
  for (const source of sources) {
    const doc = buildDocument(source, gazetteer);
    const inText = (['title', 'meta', 'body', 'notes'] as const).flatMap((f) =>
      doc.fields[f].places.flatMap((m) => m.placeIds),
    );
    for (const id of [...doc.linkedPlaceIds, ...inText]) shown.add(id);
    const placeIds = new Set([
      ...doc.linkedPlaceIds,
      ...DOC_FIELDS.flatMap((f) => doc.fields[f].places.flatMap((m) => m.placeIds)),
    ]);
    // The names the server's index holds: its people's and topics', and every spelling of the
    // places it is filed at or under. A place its text only names is found by its word.
    const names = [
      ...source.people.flatMap((x) => x.names),
      ...source.topics.flatMap((x) => x.names),
      ...doc.linkedPlaceIds.flatMap((id) => namesOf.get(id) ?? []),
    ];
    const pdf = source.pdfFiles.flatMap((f) => f.pages.map((p) => p.text));
    // A scene's words in the language the page is not in, its annotations and its capture date
    // in words may be printed only on the scene's own page.
    const scenes = shownScenes(source).map(sceneText);
    words.set(
      source.id,
      [...[...placeIds].map(placeWord), ...names, ...scenes, ...pdf]
        .join(' ')
        .replace(/\s+/g, ' ')
        .trim(),
    );
  }
  const variants = gazetteer instanceof Gazetteer ? gazetteer : new Gazetteer(gazetteer.places);
  return { words, places: placeVariants(variants, shown) };
}

function placeVariants(gazetteer: Gazetteer, shown: ReadonlySet<number>): PlaceVariantMap {
  const map: PlaceVariantMap = { exact: {}, shortened: {}, loose: {} };
  for (const place of gazetteer.places) {
    if (!shown.has(place.id)) continue;
    for (const name of place.names) {
      for (const [tier, key] of gazetteer.keysOf(name)) {
        const list = map[tier][key] ?? [];
        map[tier][key] = list;
        if (!list.includes(placeWord(place.id))) list.push(placeWord(place.id));
      }
    }
  }
  for (const tier of [map.exact, map.shortened, map.loose]) {
    for (const list of Object.values(tier)) list.sort();
  }
  return map;
}
