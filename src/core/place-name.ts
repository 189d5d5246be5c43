/**
 * A name of a place as the gazetteer holds it; `scheme` says its script or romanization.
 * `preferred` marks the name a place goes by in one script: a place may have a preferred
 * English or romanized name and a preferred Hangul one (북한 beside North Korea), while its
 * other names stay as variants that search still finds.
 */
export interface PlaceNameLike {
  name: string;
  preferred: boolean;
  scheme?: string;
}

/** Schemes written in Korean script, which English pages never lead with. */
const KOREAN_SCRIPTS: ReadonlySet<string> = new Set(['hangul', 'hanja']);

/**
 * The name a place goes by on English pages: the preferred name in Latin script, else the first
 * in Latin script, else (a place known only in Korean script) its preferred or first name.
 */
export function preferredName(names: ReadonlyArray<PlaceNameLike>): string {
  const latin = names.filter((n) => !KOREAN_SCRIPTS.has(n.scheme ?? ''));
  return (
    (latin.find((n) => n.preferred) ?? latin[0] ?? names.find((n) => n.preferred) ?? names[0])
      ?.name ?? ''
  );
}

/** The place's Hangul name: the preferred one, else the first; null when it has none. */
export function hangulName(names: ReadonlyArray<PlaceNameLike>): string | null {
  const hangul = names.filter((n) => n.scheme === 'hangul');
  return (hangul.find((n) => n.preferred) ?? hangul[0])?.name ?? null;
}

/**
 * The name to show in an interface language: in Korean the Hangul name where the gazetteer has
 * one, else the romanized name; in English always the English or romanized name.
 */
export function placeNameIn(names: ReadonlyArray<PlaceNameLike>, language: string): string {
  return (language === 'ko' ? hangulName(names) : null) ?? preferredName(names);
}

/** The language of the name `placeNameIn` gives, for the `lang` of the element showing it. */
export function placeNameLanguage(names: ReadonlyArray<PlaceNameLike>, language: string): string {
  return language === 'ko' && hangulName(names) ? 'ko' : 'en';
}
