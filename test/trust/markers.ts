/**
 * Marker words: nonsense found nowhere else, one per field of everything the leak test makes,
 * so that whether a piece shows on a surface is a question of whether its word is there.
 *
 * Each is "vx", seven letters and "q": no English stemmer shortens a word ending in q, so the
 * search index holds the marker as written, and one pattern finds every marker on a page.
 */
export const MARKER_PATTERN = /vx[a-z]{7}q/g;

const SPACE = 26n ** 7n;
/** Coprime with 26: the counter's multiples are all different within SPACE. */
const STRIDE = 2_654_435_761n;
let counter = 0n;

export function newMarker(): string {
  counter += 1n;
  let n = (counter * STRIDE + BigInt(process.pid)) % SPACE;
  let letters = '';
  for (let i = 0; i < 7; i++) {
    letters += String.fromCharCode(97 + Number(n % 26n));
    n /= 26n;
  }
  return `vx${letters}q`;
}

/** The marker with one inner letter changed: a reader's typo, for "did you mean". */
export function typoOf(word: string): string {
  const i = 5;
  const next = String.fromCharCode(((word.charCodeAt(i) - 97 + 1) % 26) + 97);
  return `${word.slice(0, i)}${next}${word.slice(i + 1)}`;
}
