import type { Locale } from './locales.ts';

const HANGUL = /[\u1100-\u11ff\u3130-\u318f\uac00-\ud7af]/;

/**
 * The `lang` a stored text needs inside a page of the given interface language: texts a record
 * holds in one language only (a bio, a role's title, an affiliation as printed) show through on
 * pages of the other, and screen readers must pronounce them in their own language. Undefined
 * when the text is in the page's language (or has no letters to tell by).
 */
export function textLanguage(text: string, locale: Locale): 'en' | 'ko' | undefined {
  if (!/\p{L}/u.test(text)) return undefined;
  const korean = HANGUL.test(text);
  if (locale === 'ko') return korean ? undefined : 'en';
  return korean ? 'ko' : undefined;
}
