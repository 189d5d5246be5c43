import type { Locale } from '../i18n/locales.ts';

// One formatter per locale: constructing one costs far more than formatting with it.
const SIZE_FORMATS: Record<Locale, Intl.NumberFormat> = {
  en: new Intl.NumberFormat('en-US', { maximumFractionDigits: 1 }),
  ko: new Intl.NumberFormat('ko-KR', { maximumFractionDigits: 1 }),
};

/** "1.2 MB", "340 KB": the size a reader on a slow network wants to know before clicking. */
export function formatFileSize(bytes: number, locale: Locale): string {
  const nf = SIZE_FORMATS[locale];
  if (bytes < 1024) return `${nf.format(bytes)} B`;
  if (bytes < 1024 * 1024) return `${nf.format(Math.round(bytes / 1024))} KB`;
  return `${nf.format(bytes / (1024 * 1024))} MB`;
}
