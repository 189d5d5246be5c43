import { franc } from 'franc-min';

// franc names languages by ISO 639-3; BCP 47 prefers the two-letter code where there is one.
const TWO_LETTER: Record<string, string> = {
  arb: 'ar',
  amh: 'am',
  azj: 'az',
  bel: 'be',
  ben: 'bn',
  bos: 'bs',
  bul: 'bg',
  ces: 'cs',
  cmn: 'zh',
  deu: 'de',
  ell: 'el',
  eng: 'en',
  fra: 'fr',
  guj: 'gu',
  hau: 'ha',
  hin: 'hi',
  hrv: 'hr',
  hun: 'hu',
  ibo: 'ig',
  ind: 'id',
  ita: 'it',
  jav: 'jv',
  jpn: 'ja',
  kan: 'kn',
  kaz: 'kk',
  kin: 'rw',
  kor: 'ko',
  lin: 'ln',
  mal: 'ml',
  mar: 'mr',
  mya: 'my',
  nld: 'nl',
  npi: 'ne',
  nya: 'ny',
  pan: 'pa',
  pes: 'fa',
  plt: 'mg',
  pol: 'pl',
  por: 'pt',
  ron: 'ro',
  run: 'rn',
  rus: 'ru',
  sin: 'si',
  som: 'so',
  spa: 'es',
  srp: 'sr',
  sun: 'su',
  swe: 'sv',
  swh: 'sw',
  tam: 'ta',
  tel: 'te',
  tgl: 'tl',
  tha: 'th',
  tur: 'tr',
  ukr: 'uk',
  urd: 'ur',
  uzn: 'uz',
  vie: 'vi',
  yor: 'yo',
  zlm: 'ms',
  zul: 'zu',
};

/** Enough letters for trigram statistics to mean something; below it, franc guesses. */
const MIN_LETTERS = 60;
/** The first pages decide; a whole book would cost time and say nothing more. */
const SAMPLE_CHARS = 20_000;

/**
 * The language of a document's text as a BCP 47 tag (`en`, `ko`, `ar`), or null when the text is
 * too short or too mixed to tell. franc-min (MIT, wooorm) is small, has no dependencies beyond
 * its trigram tables, and tells Hangul and Arabic script apart outright.
 */
export function detectLanguage(text: string): string | null {
  const sample = text.slice(0, SAMPLE_CHARS);
  const letters = sample.match(/\p{L}/gu)?.length ?? 0;
  if (letters < MIN_LETTERS) return null;
  const code = franc(sample, { minLength: MIN_LETTERS });
  if (code === 'und') return null;
  return TWO_LETTER[code] ?? code;
}
