import type { Locale } from '../i18n/locales.ts';

/**
 * Shows the Korean form of a name in the Korean interface, falling back to English. The fallback
 * carries lang="en" so screen readers pronounce it right.
 */
export function Localized(props: { locale: Locale; en: string; ko: string | null | undefined }) {
  if (props.locale === 'ko' && props.ko) return <>{props.ko}</>;
  if (props.locale === 'ko') return <span lang="en">{props.en}</span>;
  return <>{props.en}</>;
}

export function localizedText(locale: Locale, en: string, ko: string | null | undefined): string {
  return locale === 'ko' && ko ? ko : en;
}
