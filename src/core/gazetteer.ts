/**
 * The gazetteer as search sees it: place names spelled every way (Hangul, McCune–Reischauer,
 * Revised Romanization, English), matched against analyzed text. The implementation is
 * features/search/gazetteer-variants.ts.
 */

/** A stretch of text that becomes one or more tokens, with its place in the original text. */
export interface Unit {
  /** Folded form: lower case, no diacritics or apostrophes. For CJK, the run itself. */
  text: string;
  start: number;
  end: number;
  script: 'latin' | 'cjk';
  /** Units of one hyphenated compound share a chunk number ("Kyo-hwa-so" is one chunk). */
  chunk: number;
}

export interface GazetteerPlace {
  id: number;
  parentId: number | null;
  names: readonly string[];
}

/** A place named in a text: which places, and where the name stands. */
export interface PlaceMention {
  placeIds: readonly number[];
  start: number;
  end: number;
}

export interface Gazetteer {
  readonly places: readonly GazetteerPlace[];
  readonly size: number;
  /**
   * The places a query's words name, trying the exact spelling first, then without an
   * administrative suffix, then with romanization differences forgotten. Empty when none.
   */
  lookup(units: readonly Unit[]): number[];
  /** The places an explicit `place:` filter's words may name, tier by tier, best first. */
  filterTiers(units: readonly Unit[]): Generator<number[]>;
  /** The place and every place inside it (a province and its counties, villages and camps). */
  withDescendants(ids: readonly number[]): number[];
  /** Every gazetteer name written in these units, longest match first at each position. */
  recognize(units: readonly Unit[]): PlaceMention[];
}
