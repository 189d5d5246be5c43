/** Interface languages: English at `/`, Korean at `/ko/`. Content keeps its own language. */
export const LOCALES = ['en', 'ko'] as const;
export type Locale = (typeof LOCALES)[number];

export const DEFAULT_LOCALE: Locale = 'en';

/** The path prefix of a locale: '' for English, '/ko' for Korean. */
export function localePrefix(locale: Locale): string {
  return locale === 'en' ? '' : `/${locale}`;
}

/** Splits '/ko/reports/' into ['ko', '/reports/']; English paths have no prefix. */
export function splitLocale(path: string): [Locale, string] {
  if (path === '/ko' || path.startsWith('/ko/')) return ['ko', path.slice(3) || '/'];
  return ['en', path];
}

/** The same page in another interface language. */
export function pathInLocale(path: string, locale: Locale): string {
  const [, bare] = splitLocale(path);
  return `${localePrefix(locale)}${bare}` || '/';
}
