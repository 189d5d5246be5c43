import { type Locale, localePrefix } from '../i18n/locales.ts';

/** A site path in the reader's interface language ('/reports/' → '/ko/reports/'). */
export function href(locale: Locale, path: string): string {
  return `${localePrefix(locale)}${path}`;
}
