import type {
  GazetteerPlace,
  Gazetteer as GazetteerPort,
  PlaceMention,
  Unit,
} from '../../core/gazetteer.ts';
import { sanitize, segment } from './analyzer.ts';

/**
 * Place names spelled every way. Korean places have a Hangul name, a McCune–Reischauer spelling
 * with breves and apostrophes (Chŏn'gŏ-ri), a Revised Romanization (Jeongeo-ri) and often an
 * English form (Jongo-ri). The gazetteer (places / place_names) lists them; this module turns
 * them into keys that ignore case, breves, apostrophes, hyphens and spaces, so that a query for
 * any name reaches the place, and names written in a text are recognized as the place.
 */

/** "Chŏn'gŏ-ri", "chongo ri" and "CHONGORI" share one key: "chongori". 전거리 keeps its own. */
export function nameKey(name: string): string {
  return unitsKey(segment(sanitize(name)));
}

function unitsKey(units: readonly Unit[]): string {
  return units.map((u) => u.text).join('');
}

// Administrative suffixes a reader often leaves off: Hoeryŏng-si → Hoeryong, Jeongeo-ri → Jeongeo.
const ADMIN_SUFFIXES = new Set([
  'ri',
  'si',
  'shi',
  'do',
  'to',
  'gun',
  'kun',
  'dong',
  'tong',
  'eup',
  'up',
  'myeon',
  'myon',
  'gu',
  'ku',
  'nodongjagu',
  'rodongjagu',
  // North / South provinces: Hamgyŏng-bukto, P'yŏngan-namdo.
  'bukto',
  'pukto',
  'namdo',
]);

// The same suffixes in Hangul, one syllable each: 청진시 → 청진, 회령시 → 회령.
const HANGUL_ADMIN_SUFFIXES = new Set(['시', '도', '군', '구', '리', '동', '읍', '면']);

/**
 * A key that also forgets how the romanization systems differ (ŏ/eo, ŭ/eu, ch/j, k/g, t/d, p/b,
 * r/l, doubled letters), so that a spelling the gazetteer lacks still finds the place. Used only
 * for queries: recognizing names in running text keeps to the exact keys, to stay precise.
 */
export function looseKey(key: string): string {
  return key
    .replace(/eo/g, 'o')
    .replace(/eu/g, 'u')
    .replace(/ch|j/g, 'c')
    .replace(/sh/g, 's')
    .replace(/g/g, 'k')
    .replace(/d/g, 't')
    .replace(/b/g, 'p')
    .replace(/l/g, 'r')
    .replace(/(.)\1+/g, '$1');
}

/** Recognizing names in text needs keys long enough not to fire on ordinary words. */
const MIN_LATIN_KEY = 4;
const MIN_LOOSE_KEY = 5;
const MIN_CJK_KEY = 2;
/** Korean particles follow a name without a space (전거리의, 전거리에서): trim up to two syllables. */
const MAX_PARTICLE = 2;

export class Gazetteer implements GazetteerPort {
  private readonly exact = new Map<string, Set<number>>();
  private readonly shortened = new Map<string, Set<number>>();
  private readonly loose = new Map<string, Set<number>>();
  private readonly children = new Map<number, number[]>();
  private readonly firstUnits = new Set<string>();
  private maxUnits = 1;
  private maxKeyLength = 0;

  constructor(readonly places: readonly GazetteerPlace[]) {
    for (const place of places) {
      if (place.parentId !== null) {
        const list = this.children.get(place.parentId) ?? [];
        list.push(place.id);
        this.children.set(place.parentId, list);
      }
      for (const name of place.names) this.addName(place.id, name);
    }
  }

  private addName(placeId: number, name: string): void {
    const units = segment(sanitize(name));
    if (units.length === 0) return;
    const key = unitsKey(units);
    this.firstUnits.add(firstUnitProbe(units[0]!));
    this.maxUnits = Math.max(this.maxUnits, units.length);
    this.maxKeyLength = Math.max(this.maxKeyLength, key.length);
    const maps = { exact: this.exact, shortened: this.shortened, loose: this.loose };
    for (const [tier, k] of this.keysOf(name)) add(maps[tier], k, placeId);
  }

  /**
   * The keys a name is found by, tier by tier: its spelling; without an administrative suffix
   * (Hoeryŏng-si → hoeryong, 청진시 → 청진); with romanization differences forgotten.
   */
  keysOf(name: string): Array<['exact' | 'shortened' | 'loose', string]> {
    const units = segment(sanitize(name));
    if (units.length === 0) return [];
    const key = unitsKey(units);
    const out: Array<['exact' | 'shortened' | 'loose', string]> = [['exact', key]];
    const last = units[units.length - 1]!;
    if (units.length > 1 && last.script === 'latin' && ADMIN_SUFFIXES.has(last.text)) {
      const short = unitsKey(units.slice(0, -1));
      if (short.length >= MIN_LATIN_KEY) out.push(['shortened', short]);
    }
    if (last.script === 'cjk') {
      const syllables = [...last.text];
      if (syllables.length > MIN_CJK_KEY && HANGUL_ADMIN_SUFFIXES.has(syllables.at(-1)!)) {
        out.push(['shortened', key.slice(0, -syllables.at(-1)!.length)]);
      }
    }
    if (units.every((u) => u.script === 'latin') && key.length >= MIN_LOOSE_KEY) {
      out.push(['loose', looseKey(key)]);
    }
    return out;
  }

  get size(): number {
    return this.places.length;
  }

  /**
   * The places a query's words name, trying the exact spelling first, then without an
   * administrative suffix, then with romanization differences forgotten. Empty when none.
   */
  lookup(units: readonly Unit[]): number[] {
    return firstFound(this.spellingTiers(units));
  }

  /**
   * The places an explicit `place:` filter's words may name, tier by tier, best first: `lookup`'s
   * tiers, then the places one of whose names begins with the words ("place:Hamgyong" →
   * Hamgyŏng-bukto). The filter takes the first tier holding a place it admits (the public
   * search admits those with public work), so a place it does not admit changes nothing, as if
   * the gazetteer did not hold it. Lazy: the last tier reads every name.
   */
  *filterTiers(units: readonly Unit[]): Generator<number[]> {
    yield* this.spellingTiers(units);
    if (units.length === 0) return;
    const key = unitsKey(units);
    const ids = new Set<number>();
    for (const place of this.places) {
      for (const name of place.names) {
        const nameUnits = segment(sanitize(name));
        if (nameUnits.length > units.length && unitsKey(nameUnits.slice(0, units.length)) === key) {
          ids.add(place.id);
        }
      }
    }
    yield [...ids];
  }

  /** Exact spelling, then without an administrative suffix, then romanization forgotten. */
  private *spellingTiers(units: readonly Unit[]): Generator<number[]> {
    if (units.length === 0) return;
    const key = unitsKey(units);
    yield [...(this.exact.get(key) ?? [])];
    yield [...(this.shortened.get(key) ?? [])];
    if (units.every((u) => u.script === 'latin') && key.length >= MIN_LOOSE_KEY) {
      yield [...(this.loose.get(looseKey(key)) ?? [])];
    }
  }

  /** The place and every place inside it (a province and its counties, villages and camps). */
  withDescendants(ids: readonly number[]): number[] {
    const found = new Set(ids);
    const queue = [...ids];
    while (queue.length > 0) {
      const id = queue.pop()!;
      for (const child of this.children.get(id) ?? []) {
        if (!found.has(child)) {
          found.add(child);
          queue.push(child);
        }
      }
    }
    return [...found];
  }

  /** Every gazetteer name written in these units, longest match first at each position. */
  recognize(units: readonly Unit[]): PlaceMention[] {
    const mentions: PlaceMention[] = [];
    if (this.exact.size === 0) return mentions;
    let i = 0;
    while (i < units.length) {
      const first = units[i]!;
      const match = this.firstUnits.has(firstUnitProbe(first)) ? this.matchAt(units, i) : null;
      if (match) {
        mentions.push(match.mention);
        i = match.next;
      } else {
        i++;
      }
    }
    return mentions;
  }

  private matchAt(
    units: readonly Unit[],
    i: number,
  ): { mention: PlaceMention; next: number } | null {
    let key = '';
    let best: { mention: PlaceMention; next: number } | null = null;
    for (let j = i; j < units.length && j < i + this.maxUnits; j++) {
      const unit = units[j]!;
      key += unit.text;
      // Candidates as [key, characters trimmed off the end of the unit].
      const candidates: Array<[string, number]> = [[key, 0]];
      if (unit.script === 'cjk') {
        const chars = [...unit.text];
        for (let trim = 1; trim <= MAX_PARTICLE && trim < chars.length; trim++) {
          const cut = chars.slice(-trim).join('').length;
          candidates.push([key.slice(0, key.length - cut), cut]);
        }
      }
      for (const [candidate, cut] of candidates) {
        const ids = this.exact.get(candidate);
        if (!ids || !longEnough(candidate, unit.script)) continue;
        best = {
          mention: { placeIds: [...ids], start: units[i]!.start, end: unit.end - cut },
          next: j + 1,
        };
        break;
      }
      if (key.length > this.maxKeyLength + MAX_PARTICLE * 2) break;
    }
    return best;
  }
}

function firstFound(tiers: Iterable<number[]>): number[] {
  for (const tier of tiers) if (tier.length > 0) return tier;
  return [];
}

function add(map: Map<string, Set<number>>, key: string, id: number): void {
  const set = map.get(key) ?? new Set<number>();
  set.add(id);
  map.set(key, set);
}

/** What a name's first unit must look like: a CJK run is probed by its first syllable. */
function firstUnitProbe(unit: Unit): string {
  return unit.script === 'cjk' ? `cjk:${[...unit.text][0]}` : unit.text;
}

function longEnough(key: string, script: Unit['script']): boolean {
  return script === 'cjk' ? [...key].length >= MIN_CJK_KEY : key.length >= MIN_LATIN_KEY;
}
